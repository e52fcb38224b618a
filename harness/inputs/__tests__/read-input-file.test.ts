/**
 * Bounded input reads (issue 11, item 3): regular files only — a FIFO and /dev/zero are refused at
 * once, without reading from them — and a size cap per kind, each an InputError naming the file.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors';
import { describeReadFailure, readInputFileSync, readInputText } from '../read-input-file';

/** Device files and FIFOs are POSIX things. */
const posixTest = process.platform === 'win32' ? test.skip : test;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-read-input-'));
const limits = { kind: 'scenario file', maxBytes: 64 };

function refusal(file: string, max = limits.maxBytes): string {
  try {
    readInputFileSync(file, { ...limits, maxBytes: max });
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).message;
  }
  throw new Error(`${file} was read`);
}

test('a regular file under the cap is read whole', async () => {
  const file = path.join(dir, 'ok.yaml');
  fs.writeFileSync(file, '\uFEFFid: x\n');
  expect(readInputFileSync(file, limits).toString('utf8')).toBe('\uFEFFid: x\n');
  expect(await readInputText(file, limits)).toBe('id: x\n');
});

test('a file over the cap is refused with its size and the cap, in words', () => {
  const file = path.join(dir, 'big.yaml');
  fs.writeFileSync(file, 'x'.repeat(3000));
  expect(refusal(file, 2048)).toBe(`${file}: is 2.9 KiB; ims-rig reads at most 2 KiB for a scenario file`);
});

posixTest('/dev/zero is refused at once (a character device, never read)', () => {
  expect(refusal('/dev/zero')).toBe('/dev/zero: is a character device, not a regular file');
});

posixTest('a named pipe with no writer is refused at once instead of blocking', () => {
  const fifo = path.join(dir, 'pipe.yaml');
  execFileSync('mkfifo', [fifo]);
  expect(refusal(fifo)).toBe(`${fifo}: is a named pipe (FIFO), not a regular file`);
});

test('a directory, a missing file and the display name', () => {
  expect(refusal(dir)).toBe(`${dir}: is a directory, not a file`);
  expect(() => readInputFileSync(path.join(dir, 'nope.yaml'), { ...limits, display: 'suites/nope.yaml' })).toThrow('suites/nope.yaml: cannot read: no such file');
});

test('open failures are worded, the rare ones keep their code', () => {
  expect(describeReadFailure(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
  expect(describeReadFailure(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('cannot be read (EIO)');
  expect(describeReadFailure(new Error('x'))).toBe('cannot be read');
});
