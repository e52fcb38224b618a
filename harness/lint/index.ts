/** The ImsService / single-registration manifest lint (`ims-rig lint`). */
export * from './finding';
export * from './rule';
export * from './subject';
export * from './registry';
export * from './lint-manifest';
export * from './lint-files';
