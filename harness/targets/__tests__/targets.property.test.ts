/**
 * Property tests of the target layer's pure parsers (issue 11, item 4): `ims-rig-device sim list`
 * and `overlay`, the SIM-state and slot-count properties, `ls -1` listings, and the records the rig
 * keeps on a target (its lock holder, a leftover snapshot), which another run — or anybody with
 * adb — may have written. They never throw; a record that is not one is `undefined`.
 */
import * as fc from 'fast-check';
import { fuzzParameters, mutatedText, neverThrows, tokenText } from '../../testing/fuzz';
import { parseLockOwner } from '../lock-holder';
import { parseOverlayPrint, parseSimList, parseSimStateProp, readSlotCount } from '../stimulus-output';
import { parseDirListing } from '../system-files';
import { parseLeftover } from '../target-leftover';

const OWNER = JSON.stringify({ v: 1, token: 't', user: 'alice', host: 'ci-7', hostKey: 'ci-7|b|pid:[1]', pid: 100, startedAt: '2026-12-02T18:40:00.000Z', command: 'ims-rig run', beat: 2, outDir: '/tmp/x' });
const LEFTOVER = JSON.stringify({
  v: 1, scenario: 'priority.x', savedAt: '2026-12-02T18:40:00.000Z', target: { serial: 'emulator-5554', fingerprint: 'f', bootId: 'b' },
  run: { host: 'ci-7', pid: 100, startedAt: '2026-12-02T18:40:00.000Z' },
  snapshot: { serial: 'emulator-5554', takenAt: '2026-12-02T18:40:00.000Z', fingerprint: 'slots 1\n', state: { slotCount: 1, sims: [], imsServices: [], carrierConfig: [], packages: [], systemFiles: [], roles: {} } },
});
const SAMPLES = [
  'slot=0 state=READY subId=1 iccid=8901260000000000001 carrier=/data/local/tmp/ims-rig/sim0-carrier-a.xml\nslot=1 state=ABSENT subId=-1 iccid=- carrier=-\n',
  'overlay mmtel=com.oem.ims rcs=com.oem.ims\n', 'ABSENT,READY', 'LOADED', 'dsds', 'ssss', 'com.oem.ims\nprivapp-permissions-ims-rig-x.xml\nls: /x: No such file or directory\n', OWNER, LEFTOVER,
];
const TOKENS = ['slot=', 'state=', 'READY', 'ABSENT', 'subId=', 'iccid=', 'carrier=', ' ', '\n', ',', 'mmtel=', 'rcs=', '{', '}', '"v":1', '"pid":', ':', '"', 'null', '[', ']'];

test('stimulus output, listings and the rig\'s on-target records: never throw', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(SAMPLES), tokenText(TOKENS)), fc.constantFrom(1, 2, 0, -1, 99), (text, slots) => neverThrows(() => {
    parseSimList(text);
    parseOverlayPrint(text);
    parseSimStateProp(text, slots);
    readSlotCount(text);
    parseDirListing(text);
    parseLockOwner(text);
    parseLeftover(text);
  })), fuzzParameters(500));
});
