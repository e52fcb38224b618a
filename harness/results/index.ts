export * from './model';
export * from './events';
