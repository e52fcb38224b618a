/**
 * The same scenario on the same target gets the same verdict every time (issue 11, item 6): the
 * scenario that used to be waived in about one run of seven, run 20 times on one reference device
 * at `ims-rig run`'s time scale, gives one verdict. (`npm run bench -- verdicts` prints the counts.)
 */
import { ONCE_RACY_SCENARIOS, repeatVerdicts } from '../../testing/repeat-verdicts';

test('20 runs of lifecycle.query-error-at-phone-start give one verdict', async () => {
  const counts = await repeatVerdicts({ files: ONCE_RACY_SCENARIOS, runs: 20 });
  expect(Object.fromEntries(counts)).toEqual({ 'lifecycle.query-error-at-phone-start': { pass: 20 } });
}, 300_000);
