/**
 * harness/android: on-device tools as argv builders (through harness/adb's shell-command) and
 * pure parsers of their exact output, one module per tool.
 */
export * from './am-broadcast';
export * from './cmd-outcome';
export * from './cmd-overlay';
export * from './cmd-phone-cc';
export * from './cmd-phone-ims';
export * from './cmd-role';
export * from './control-broadcast';
export * from './dumpsys-isub';
export * from './device-files';
export * from './dumpsys-package';
export * from './dumpsys-phone';
export * from './getprop';
export * from './ims-resolver-lines';
export * from './ims-rig-device';
export * from './indent-tree';
export * from './logcat';
export * from './pm';
export * from './telephony-debug-service';
export * from './ims-state-callback-dump';
export * from './observer-control';
export * from './observer-log';
export * from './proc';
