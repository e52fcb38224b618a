/** Test support shared by every part's protocol and e2e tests. */
export { adbAvailable, adbAvailableSync, adbBinary, describeWithAdb, NO_ADB_REASON } from './adb-available';
export { freePort } from './free-port';
export { type AdbResult, type AdbRunOptions, type PrivateAdbServer, startPrivateAdbServer } from './start-private-adb-server';
export { type StartedReferenceDevice, type StartReferenceDeviceOptions, startReferenceDevice } from './start-reference-device';
export { startInProcessReferenceDevice } from '../in-process/start-in-process';
export { runOnReferenceDevice } from '../in-process/run-on-reference';
export { type ReferenceSession, startReferenceOverAdb, startReferenceSession } from './reference-session';
