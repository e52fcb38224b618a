/**
 * The transport helper's AndroidDevice double, plus what the adb driver's v1 path needs from a
 * device shell: `<command>; echo "<marker>$?"` (a real sh runs both; the double runs one command).
 */
import type { CommandOutput, RunningCommand } from '../../../virtual-device/device/android-device';
import { FakeAndroidDevice } from '../../../virtual-device/services/__tests__/fake-android-device';

const EXIT_ECHO = /^(.*); echo "(IMSRIG_EXIT_[0-9a-f]+_)\$\?"$/s;

export class AdbTestDevice extends FakeAndroidDevice {
  override runShell(commandLine: string, out: CommandOutput): RunningCommand {
    const echo = EXIT_ECHO.exec(commandLine);
    if (!echo) return super.runShell(commandLine, out);
    const inner = super.runShell(echo[1] ?? '', out);
    const exit = inner.exit.then((status) => {
      out.stdout(`${echo[2] ?? ''}${status}\n`);
      return 0;
    });
    return { writeStdin: (c) => inner.writeStdin(c), closeStdin: () => inner.closeStdin(), kill: () => inner.kill(), exit };
  }
}
