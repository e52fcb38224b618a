/** Bounded reading of the files users hand ims-rig: regular files only, capped per kind. */
export * from './input-limits';
export * from './read-input-file';
