import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { InputError } from '../../errors';
import { EventWriter } from '../event-writer';
import { foldEvents } from '../fold-events';
import { readEvents } from '../read-events';
import { runEvents } from './fixtures/event-factory';

describe('EventWriter', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ims-rig-events-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('puts each event in the file before write returns, one line each', async () => {
    const file = path.join(dir, 'nested', 'events.jsonl');
    const writer = new EventWriter(file);
    const events = runEvents();
    events.forEach((e, i) => {
      const { v: _v, ...input } = e;
      writer.write(input);
      // Read back while the writer is still open: nothing may be waiting in a buffer.
      expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(i + 1);
    });
    writer.close();
    expect(await readEvents(file)).toEqual(events);
  });

  it('stamps v and at from its clock when the runner gives none', () => {
    const file = path.join(dir, 'events.jsonl');
    const writer = new EventWriter(file, () => new Date('2025-03-01T12:00:00.000Z'));
    const written = writer.write({ type: 'run-end', durationMs: 5, exitCode: 0 });
    writer.close();
    expect(written).toEqual({ v: 1, at: '2025-03-01T12:00:00.000Z', type: 'run-end', durationMs: 5, exitCode: 0 });
    expect(() => writer.write({ type: 'run-end', durationMs: 5, exitCode: 0 })).toThrow(/closed/);
  });

  it('appends to an existing file, so a stopped run stays foldable', async () => {
    const file = path.join(dir, 'events.jsonl');
    const events = runEvents({ interruptAfter: 1 });
    const first = new EventWriter(file);
    for (const { v: _v, ...e } of events.slice(0, 2)) first.write(e);
    first.close();
    const second = new EventWriter(file);
    for (const { v: _v, ...e } of events.slice(2)) second.write(e);
    second.close();
    const folded = foldEvents(await readEvents(file));
    expect(folded.run.complete).toBe(false);
    expect(folded.summary.incomplete).toBe(1);
  });
});

describe('readEvents', () => {
  it('names the file it cannot read', async () => {
    await expect(readEvents('/nonexistent/dir/events.jsonl')).rejects.toThrow(InputError);
    await expect(readEvents('/nonexistent/dir/events.jsonl')).rejects.toThrow(/^\/nonexistent\/dir\/events\.jsonl: cannot read: no such file$/);
  });
});
