/**
 * Property tests of the events.jsonl reader (issue 11, item 4): streams of a realistic run, of an
 * interrupted one and of a retried one, mutated line by line and byte by byte. `ims-rig report`
 * reads files from other machines and other versions: each stream is read and folded into a
 * result, or refused with an InputError naming the file and line, in our words.
 */
import * as fc from 'fast-check';
import { fuzzParameters, mutatedText, ourErrorOrValue } from '../../testing/fuzz';
import { foldEvents } from '../fold-events';
import { parseEvents } from '../read-events';
import { runEvents, toJsonl } from './fixtures/event-factory';

const STREAMS = [toJsonl(runEvents()), toJsonl(runEvents({ interruptAfter: 3 })), toJsonl(runEvents().slice(0, 5))];

test('events.jsonl: a folded result or our error', () => {
  fc.assert(fc.property(mutatedText(STREAMS), (text) => ourErrorOrValue(() => foldEvents(parseEvents(text, 'events.jsonl').events, 'events.jsonl'))), fuzzParameters(300, 4_000));
});
