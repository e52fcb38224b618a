import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as yauzl from 'yauzl';
import { ALIGNMENT_EXTRA_ID, crc32, locateZipSections, writeAlignedZip } from '../aligned-zip';
import { toolAvailable } from './android-tools';

const ENTRIES = [
  { name: 'AndroidManifest.xml', data: Buffer.from('manifest bytes, 27 of them') },
  { name: 'classes.dex', data: Buffer.from('dex\n039\0 and a few more bytes') },
  { name: 'res/odd-name.bin', data: Buffer.alloc(3, 7), align: 16 },
];

function readBack(zip: Buffer): Promise<Array<{ name: string; data: Buffer; method: number; offset: number }>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const out: Array<{ name: string; data: Buffer; method: number; offset: number }> = [];
      file.on('entry', (e: yauzl.Entry) => {
        file.openReadStream(e, (e2, stream) => {
          if (e2) return reject(e2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.push({ name: e.fileName, data: Buffer.concat(chunks), method: e.compressionMethod, offset: e.relativeOffsetOfLocalHeader });
            file.readEntry();
          });
        });
      });
      file.on('end', () => resolve(out));
      file.readEntry();
    });
  });
}

describe('crc32', () => {
  it('gives the CRC-32 check value of "123456789"', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('writeAlignedZip', () => {
  const zip = writeAlignedZip(ENTRIES);

  it('is byte-for-byte what it was when this test was written (golden), and deterministic', () => {
    expect(createHash('sha256').update(zip).digest('hex')).toBe('df12a99844673ef2a4bc19df2192f3b512613d8dfe755caa4fe4dc8b032e86d2');
    expect(writeAlignedZip(ENTRIES).equals(zip)).toBe(true);
  });

  it('stores every entry uncompressed, data aligned as asked, behind the 0xd935 alignment field', async () => {
    const back = await readBack(zip);
    expect(back.map((e) => [e.name, e.data.toString('hex'), e.method])).toEqual(ENTRIES.map((e) => [e.name, e.data.toString('hex'), 0]));
    for (const [i, e] of back.entries()) {
      const nameLength = zip.readUInt16LE(e.offset + 26);
      const extraLength = zip.readUInt16LE(e.offset + 28);
      const dataStart = e.offset + 30 + nameLength + extraLength;
      expect(dataStart % (ENTRIES[i]?.align ?? 4)).toBe(0);
      expect(zip.readUInt16LE(e.offset + 30 + nameLength)).toBe(ALIGNMENT_EXTRA_ID);
      expect(zip.readUInt16LE(e.offset + 12)).toBe(0x21); // 1980-01-01: no clock in the bytes
    }
  });

  it('points the End of Central Directory at its central directory', () => {
    const s = locateZipSections(zip);
    expect(s.centralDirectoryOffset + s.centralDirectorySize).toBe(s.eocdOffset);
    expect(zip.readUInt32LE(s.centralDirectoryOffset)).toBe(0x02014b50);
  });

  it('refuses duplicate or empty names and impossible alignments', () => {
    expect(() => writeAlignedZip([{ name: 'a', data: Buffer.alloc(1) }, { name: 'a', data: Buffer.alloc(1) }])).toThrow(/duplicate/);
    expect(() => writeAlignedZip([{ name: '', data: Buffer.alloc(1) }])).toThrow(/bad or duplicate/);
    expect(() => writeAlignedZip([{ name: 'a', data: Buffer.alloc(1), align: 0 }])).toThrow(/alignment/);
  });

  it('locateZipSections refuses what is not a zip', () => {
    expect(() => locateZipSections(Buffer.from('not a zip at all, just text that is long enough'))).toThrow(/not a zip/);
  });

  const zipalign = toolAvailable('zipalign', ['-h']);
  (zipalign.ok ? it : it.skip)(`zipalign -c 4 accepts it${zipalign.ok ? '' : ` (${zipalign.reason})`}`, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ims-rig-zip-'));
    try {
      writeFileSync(path.join(dir, 'x.zip'), writeAlignedZip(ENTRIES.filter((e) => e.align === undefined)));
      execFileSync('zipalign', ['-c', '4', path.join(dir, 'x.zip')]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
