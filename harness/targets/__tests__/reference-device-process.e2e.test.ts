/**
 * `--target virtual` as a run does it: the built `ims-rig virtual-device --json` as a child
 * process, reached through its server door (no adb) and through a private adb server.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../../errors';
import { findAdbBinary } from '../../adb';
import { NO_ADB_REASON, startPrivateAdbServer } from '../../testing';
import { probeTarget } from '../probe';
import { NO_ADB_NOTE, resolveTarget } from '../resolve';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ADB = findAdbBinary(process.env.IMS_RIG_ADB ? { ...process.env, ADB: process.env.IMS_RIG_ADB } : process.env);
const describeWithAdb = ADB !== undefined ? describe : describe.skip;
jest.setTimeout(120_000);

beforeAll(() => {
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // type errors elsewhere in the tree do not stop the emit
  }
  expect(fs.existsSync(path.join(ROOT, 'dist', 'harness', 'cli', 'commands', 'virtual-device.js'))).toBe(true);
}, 240_000);

it('no adb: starts `ims-rig virtual-device`, says so once, uses its door; release() stops the process', async () => {
  const notes: string[] = [];
  const target = await resolveTarget({ target: 'virtual', adbBinary: null, env: {}, slots: 2, note: (l) => notes.push(l) });
  try {
    expect(notes).toEqual([NO_ADB_NOTE]);
    const probe = await probeTarget(target.device, { via: target.via });
    expect(probe.info).toMatchObject({ kind: 'virtual', sdk: 35, via: 'built-in-server' });
    expect(probe.props.get('ro.telephony.sim_slots.count')).toBe('2');
  } finally {
    await target.release();
  }
  // The child is gone (not its port: another test may already have been given that port).
  const pid = target.referenceDevice?.pid as number;
  expect(pid).toBeGreaterThan(0);
  expect(() => process.kill(pid, 0)).toThrow();
});

it('an unknown --deviation is bad input (exit 2), as the CLI says', async () => {
  const error = await resolveTarget({ target: 'virtual', adbBinary: null, env: {}, deviation: 'no-such-bug', note: () => undefined }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as UsageError).message).toMatch(/no-such-bug/);
});

describeWithAdb(`through a private adb server${ADB ? '' : ` (skipped: ${NO_ADB_REASON})`}`, () => {
  it('adb connect to the child process, probe, release', async () => {
    const server = await startPrivateAdbServer();
    try {
      const target = await resolveTarget({ target: 'virtual', adbBinary: ADB as string, adbServerPort: server.port, env: {} });
      try {
        expect(target.via).toBe('adb-server');
        expect((await server.adb(['devices'])).stdout).toContain(`${target.serial}\tdevice`);
        expect((await probeTarget(target.device, { escalate: false })).info.kind).toBe('virtual');
      } finally {
        await target.release();
      }
      expect((await server.adb(['devices'])).stdout).not.toContain(target.serial);
    } finally {
      await server.stop();
    }
  });
});
