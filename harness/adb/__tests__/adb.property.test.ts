/**
 * Property tests of the adb layer's pure parsers (issue 11, item 4): the adb server's device list
 * and connect replies, the package manager's install outcome, the shell v1 exit-status echo and
 * the one-round-trip command sequences, splitting a serial. They describe what they were given and
 * never throw on it. Fixed seed FUZZ_SEED.
 */
import * as fc from 'fast-check';
import { fuzzParameters, mutatedText, neverThrows, tokenText } from '../../testing/fuzz';
import { parseDeviceList } from '../adb-host';
import { parseConnectReply, splitHostPort } from '../connect-reply';
import { parsePmResult } from '../install-output';
import { splitSequenceOutput } from '../shell-command';
import { parseShellV1Output } from '../shell-v1';

const SAMPLES = [
  'emulator-5554\tdevice\n127.0.0.1:5555\toffline\nR58M123\tunauthorized\n', 'connected to 127.0.0.1:5555', 'already connected to 127.0.0.1:5555',
  'failed to connect to \'127.0.0.1:1\': Connection refused', 'Success\n', 'Failure [INSTALL_FAILED_ALREADY_EXISTS: Attempt to re-install com.x without first uninstalling.]\n',
  'out\nIMS_RIG_X0\n', 'a\nIMS_RIG_STATE:0\nb\nIMS_RIG_STATE:1\n', '127.0.0.1:5555', '[::1]:5555', 'emulator-5554',
];
const TOKENS = ['\t', '\n', 'device', 'offline', 'IMS_RIG_STATE:', 'IMS_RIG_X', '0', '255', 'Failure [', ']', 'Success', ':', '127.0.0.1', '5555', '[', '::1'];

test('adb server replies, install outcomes, shell echoes and sequences: never throw', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(SAMPLES), tokenText(TOKENS)), fc.nat({ max: 20 }), (text, count) => neverThrows(() => {
    parseDeviceList(text);
    parseConnectReply(text);
    parsePmResult(text);
    parseShellV1Output(text, 'IMS_RIG_X');
    splitSequenceOutput(text, 'IMS_RIG_STATE', count);
  })), fuzzParameters(500));
});

test('a serial is split, whatever it is', () => {
  fc.assert(fc.property(fc.oneof(mutatedText(SAMPLES), tokenText(TOKENS, 8)), (serial) => neverThrows(() => splitHostPort(serial))), fuzzParameters(300));
});
