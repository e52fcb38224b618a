/**
 * The reference device's front doors under load. The device runs as its own process (`ims-rig
 * virtual-device`, as users run it), so its CPU time and RSS are its own. Measured in one run:
 * - a bare TCP echo server (its own process): connect, one round trip, close, the floor any
 *   per-command connection pays;
 * - `adb shell true` through the real adb server, as the adb client does it (host:tport, then
 *   `shell,v2,raw:true`, read to the exit packet), without spawning a client per command;
 * - the adb client binary itself (`adb shell true` processes), bounded by process start-up;
 * - adbkit `shell('true')` through the real adb server, and through the server door alone.
 * Goals (issue 4): ≥ 1,000 commands/s on one core (commands per second of device CPU), < 150 MB
 * RSS per device.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import Adb, { type Client } from '@devicefarmer/adbkit';
import { projectPath } from '../paths';
import { adbAvailable, adbBinary } from '../testing/adb-available';
import { startPrivateAdbServer } from '../testing/start-private-adb-server';
import { type BenchResult } from './main';

const DURATION_MS = 3_000;
const CONCURRENCY = 8;

interface Measured {
  readonly count: number;
  readonly seconds: number;
}

/** Runs `op` from `concurrency` loops for `durationMs`; counts completions. One failure (or an op
 * stuck for 10 s) stops the measurement with that error. */
async function measure(op: () => Promise<void>, durationMs = DURATION_MS, concurrency = CONCURRENCY): Promise<Measured> {
  const start = process.hrtime.bigint();
  const deadline = Date.now() + durationMs;
  let count = 0;
  let failed = false;
  const bounded = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('an operation took longer than 10 s')), 10_000);
      op().then(resolve, reject).finally(() => clearTimeout(timer));
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (!failed && Date.now() < deadline) {
        try {
          await bounded();
        } catch (e) {
          failed = true;
          throw e;
        }
        count += 1;
      }
    }),
  );
  return { count, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const rate = (m: Measured): number => Math.round(m.count / m.seconds);

/** Connects, sends `request`, reads until `until(bytes)` says the answer is complete, closes. */
function exchange(port: number, request: Buffer, until: (received: Buffer, socket: net.Socket) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    let done = false;
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      try {
        if (!until(received, socket)) return;
        done = true;
        resolve();
      } catch (e) {
        done = true;
        reject(e instanceof Error ? e : new Error(String(e)));
      }
      socket.destroy();
    });
    socket.on('error', (e) => {
      done = true;
      reject(e);
    });
    socket.on('close', () => {
      if (!done) reject(new Error(`connection closed after ${received.length} bytes`));
    });
  });
}

const frame = (request: string): Buffer => Buffer.from(`${request.length.toString(16).padStart(4, '0')}${request}`);

/**
 * What `adb shell true` does on its socket to the server: select the device (`host:tport:`,
 * answered OKAY + 8-byte transport id), then, once answered, open `shell,v2,raw:true` and read
 * shell-protocol packets up to the exit packet (id 3). adb's server does not take the second
 * request before it has answered the first.
 */
function adbShellTrue(serverPort: number, serial: string): Promise<void> {
  let serviceSent = false;
  return exchange(serverPort, frame(`host:tport:serial:${serial}`), (bytes, socket) => {
    if (bytes.length < 12) return false;
    if (bytes.subarray(0, 4).toString() !== 'OKAY') throw new Error(`adb server said ${bytes.toString('latin1')}`);
    if (!serviceSent) {
      serviceSent = true;
      socket.write(frame('shell,v2,raw:true'));
    }
    if (bytes.length < 16) return false;
    if (bytes.subarray(12, 16).toString() !== 'OKAY') throw new Error(`adb server said ${bytes.subarray(12).toString('latin1')}`);
    for (let at = 16; at + 5 <= bytes.length; at += 5 + bytes.readUInt32LE(at + 1)) {
      if (bytes[at] === 3 && at + 6 <= bytes.length) {
        if (bytes[at + 5] !== 0) throw new Error(`true exited ${String(bytes[at + 5])}`);
        return true;
      }
    }
    return false;
  });
}

async function adbkitShellTrue(client: Client, serial: string): Promise<void> {
  await Adb.util.readAll(await client.getDevice(serial).shell('true'));
}

function runAdbProcess(serverPort: number, serial: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(adbBinary(), ['-P', String(serverPort), '-s', serial, 'shell', 'true'], (error) => {
      if (error === null) resolve();
      else reject(new Error(`adb shell true: ${error.message}`, { cause: error }));
    });
  });
}

async function startEchoServer(): Promise<{ port: number; child: ChildProcess }> {
  const script = "const s=require('net').createServer(c=>{c.setNoDelay(true);c.on('data',d=>c.write(d));c.on('error',()=>{})});" +
    "s.listen(0,'127.0.0.1',()=>console.log(s.address().port))";
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim())));
    child.once('exit', () => reject(new Error('echo server exited')));
  });
  return { port, child };
}

interface DeviceProcess {
  readonly child: ChildProcess;
  readonly serial: string;
  readonly serverPort: number;
}

async function startDeviceProcess(): Promise<DeviceProcess> {
  const child = spawn(process.execPath, [projectPath('bin', 'ims-rig.js'), 'virtual-device', '--port', '0', '--server-port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ serial: string; serverPort: number }>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (d: Buffer) => {
      text += d.toString();
      const line = text.split('\n').find((l) => l.startsWith('{'));
      if (line !== undefined && text.includes('\n')) resolve(JSON.parse(line) as { serial: string; serverPort: number });
    });
    child.once('exit', (code) => reject(new Error(`ims-rig virtual-device exited (${String(code)}) before it was ready`)));
  });
  return { child, serial: ready.serial, serverPort: ready.serverPort };
}

/** utime + stime of a process, in seconds (/proc/<pid>/stat fields 14 and 15). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

function rssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function run(): Promise<BenchResult[]> {
  if (os.platform() !== 'linux') throw new Error('reads /proc for CPU and RSS: Linux only');
  const results: BenchResult[] = [];
  const echo = await startEchoServer();
  const device = await startDeviceProcess();
  const pid = device.child.pid!;
  const idleRss = rssMb(pid);
  try {
    const echoRate = rate(await measure(() => exchange(echo.port, Buffer.from('true\n'), (b) => b.length >= 5)));
    results.push({ name: `bare TCP echo server: connect, round trip, close (×${CONCURRENCY})`, value: echoRate, unit: 'ops/s' });

    const door = Adb.createClient({ host: '127.0.0.1', port: device.serverPort, bin: '/nonexistent/adb' });
    const doorRun = await measure(() => adbkitShellTrue(door, device.serial));
    results.push({ name: `adbkit shell('true') through the server door, no adb (×${CONCURRENCY})`, value: rate(doorRun), unit: 'cmd/s' });

    if (await adbAvailable()) {
      const server = await startPrivateAdbServer();
      try {
        await server.connect(device.serial);
        const cpuBefore = cpuSeconds(pid);
        const viaAdb = await measure(() => adbShellTrue(server.port, device.serial));
        const deviceCpu = cpuSeconds(pid) - cpuBefore;
        results.push({ name: `adb shell true through the real adb server (client protocol, ×${CONCURRENCY})`, value: rate(viaAdb), unit: 'cmd/s' });
        results.push({
          name: 'same, per second of device CPU (one core)',
          value: deviceCpu > 0 ? Math.round(viaAdb.count / deviceCpu) : Number.NaN,
          unit: 'cmd/s',
          goal: '≥ 1000 cmd/s',
        });
        const viaKit = await measure(() => adbkitShellTrue(server.client, device.serial));
        results.push({ name: `adbkit shell('true') through the real adb server (×${CONCURRENCY})`, value: rate(viaKit), unit: 'cmd/s' });
        const viaBinary = await measure(() => runAdbProcess(server.port, device.serial), DURATION_MS, 4);
        results.push({ name: '`adb shell true` as processes (adb client start-up bound, ×4)', value: rate(viaBinary), unit: 'cmd/s' });
      } finally {
        await server.stop();
      }
    } else {
      results.push({ name: 'adb rows skipped: no adb binary on this machine', value: Number.NaN, unit: '' });
    }
    results.push({ name: 'device process RSS when ready (idle)', value: idleRss, unit: 'MB' });
    results.push({ name: 'device process RSS after the run', value: rssMb(pid), unit: 'MB', goal: '< 150 MB' });
    results.push({ name: 'device process CPU over the whole run', value: Math.round(cpuSeconds(pid) * 100) / 100, unit: 's' });
  } finally {
    await stop(device.child);
    await stop(echo.child);
  }
  return results;
}
