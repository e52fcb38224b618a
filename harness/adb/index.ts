/**
 * harness/adb: the bottom layer. Talks to an adb server (or the reference device's built-in
 * server door) through @devicefarmer/adbkit; every device command is a ShellCommand built in
 * ./shell-command.ts from validated arguments.
 */
export * from './adb-binary';
export * from './adb-device';
export * from './adb-errors';
export * from './adb-host';
export * from './connect-reply';
export * from './device-replies';
export * from './install-output';
export * from './service-device';
export * from './service-endpoint';
export * from './shell-command';
export * from './shell-v1';
export * from './shell-v2';
export * from './sync-send';
export * from './timing';
