/**
 * The target's own clock over a run (results.json `summary.targetSeconds`): `/proc/uptime` read
 * when the run starts and when it ends, plus the uptime each reboot wiped out (read just before
 * the reboot; the boot itself is in the next uptime, which counts from the kernel's start). On a
 * real emulator or phone that is its real time; on the reference device it is the device clock
 * its AOSP timers run on, so the figure projects the run onto a real emulator. Reboots happen in
 * the suite's process and the CLI's, so the tally lives in a small JSON file both update.
 */
import * as fs from 'node:fs';
import { parseUptime, uptimeCommand } from '../android';
import { type TargetDevice } from './target-session';

interface Tally {
  /** Seconds of uptime the reboots of this run ended. */
  lostToReboots: number;
  reboots: number;
}

export class TargetClock {
  private tally: Tally = { lostToReboots: 0, reboots: 0 };

  constructor(private readonly file?: string) {
    if (file !== undefined) {
      try {
        this.tally = JSON.parse(fs.readFileSync(file, 'utf8')) as Tally;
      } catch {
        // no tally yet
      }
    }
  }

  /** `/proc/uptime` in seconds, or undefined when the target does not print it. */
  static async uptime(device: Pick<TargetDevice, 'shell'>): Promise<number | undefined> {
    const result = await device.shell(uptimeCommand(), { timeoutMs: 10_000 }).catch(() => undefined);
    return result === undefined || result.exitCode !== 0 ? undefined : parseUptime(result.stdout);
  }

  /** Call right before rebooting: the uptime so far joins the run's tally. */
  async beforeReboot(device: Pick<TargetDevice, 'shell'>): Promise<void> {
    const up = await TargetClock.uptime(device);
    this.reload();
    this.tally.lostToReboots += up ?? 0;
    this.tally.reboots += 1;
    this.save();
  }

  get reboots(): number {
    this.reload();
    return this.tally.reboots;
  }

  /** Target seconds from `startUptime` to `endUptime` across this run's reboots. */
  elapsedSeconds(startUptime: number, endUptime: number): number {
    this.reload();
    return Math.max(0, endUptime + this.tally.lostToReboots - startUptime);
  }

  private reload(): void {
    if (this.file === undefined) return;
    try {
      this.tally = JSON.parse(fs.readFileSync(this.file, 'utf8')) as Tally;
    } catch {
      // keep what we have
    }
  }

  private save(): void {
    if (this.file === undefined) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.tally));
    fs.renameSync(tmp, this.file);
  }
}
