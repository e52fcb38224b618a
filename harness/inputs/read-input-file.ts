/**
 * Reading a file a user handed ims-rig (scenario, waiver list, carrier config, overlay, manifest,
 * APK, events.jsonl), bounded: regular files only and at most a size cap per kind (./input-limits.ts).
 * A path to /dev/zero would otherwise grow memory without end and a named pipe would block the read
 * for ever (issue 11, item 3). The file is opened non-blocking, so opening a FIFO returns at once,
 * and what it is is decided from the open descriptor (fstat), so it cannot change between the
 * check and the read. Every fault is an InputError (exit 2) naming the file, in words.
 */
import * as fs from 'node:fs';
import { InputError } from '../errors/errors';

export interface ReadLimits {
  /** What the file is, for messages ("scenario file", "APK"). */
  readonly kind: string;
  /** The most bytes ims-rig reads for this kind of file. */
  readonly maxBytes: number;
  /** The file as the user should see it in messages (default: the path given). */
  readonly display?: string;
}

/** O_NONBLOCK where the platform has it: opening a FIFO for reading then never waits for a writer. */
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);

/** Why a file could not be opened, in words (the errno code kept for the rare ones). */
export function describeReadFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ENAMETOOLONG': return 'the path is too long';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ENXIO':
    case 'ENODEV': return 'is a device or socket, not a regular file';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    case undefined: return 'cannot be read';
    default: return `cannot be read (${code})`;
  }
}

/** What a non-regular file is, in words. */
function describeNonRegular(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'is a directory, not a file';
  if (stat.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stat.isCharacterDevice()) return 'is a character device, not a regular file';
  if (stat.isBlockDevice()) return 'is a block device, not a regular file';
  if (stat.isSocket()) return 'is a socket, not a regular file';
  return 'is not a regular file';
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

function fail(display: string, why: string, cause?: unknown): never {
  throw new InputError(`${display}: ${why}`, { file: display, ...(cause === undefined ? {} : { cause }) });
}

function tooLarge(display: string, limits: ReadLimits, size: number | undefined): never {
  const what = size === undefined ? `is larger than ${formatBytes(limits.maxBytes)}` : `is ${formatBytes(size)}`;
  fail(display, `${what}; ims-rig reads at most ${formatBytes(limits.maxBytes)} for a ${limits.kind}`);
}

/** Reads `file` whole, bounded by `limits`. Throws InputError `<file>: <why>`. */
export function readInputFileSync(file: string, limits: ReadLimits): Buffer {
  const display = limits.display ?? file;
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    fail(display, `cannot read: ${describeReadFailure(e)}`, e);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) fail(display, describeNonRegular(stat));
    if (stat.size > limits.maxBytes) tooLarge(display, limits, stat.size);
    // One byte more than the cap: a file that grew since fstat is still caught.
    const buffer = Buffer.alloc(Math.min(stat.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > limits.maxBytes) tooLarge(display, limits, undefined);
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    fail(display, `cannot read: ${describeReadFailure(e)}`, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** readInputFileSync as text (UTF-8, a leading byte-order mark dropped). */
export function readInputTextSync(file: string, limits: ReadLimits): string {
  return readInputFileSync(file, limits).toString('utf8').replace(/^\uFEFF/, '');
}

/** The same, asynchronously (the file is still read in one go: inputs are capped). */
export async function readInputFile(file: string, limits: ReadLimits): Promise<Buffer> {
  await Promise.resolve();
  return readInputFileSync(file, limits);
}

export async function readInputText(file: string, limits: ReadLimits): Promise<string> {
  return (await readInputFile(file, limits)).toString('utf8').replace(/^\uFEFF/, '');
}
