/** Tests take the rig's own (harness/adb/host-process.ts). */
export { freePort } from '../adb/host-process';
