/**
 * The Jest test environment of an in-process run: Node's, plus the lookup of the in-process
 * reference devices this process started (./in-process-registry.ts). Jest requires the
 * environment with Node's own require in the CLI's process (runInBand), so the registry here is
 * the very one the CLI filled, while the suite itself runs in Jest's sandbox.
 */
import NodeEnvironment from 'jest-environment-node';
import { IN_PROCESS_LOOKUP, lookupInProcessEndpoint } from './in-process-registry';

export default class InProcessEnvironment extends NodeEnvironment {
  constructor(...args: ConstructorParameters<typeof NodeEnvironment>) {
    super(...args);
    (this.global as Record<string, unknown>)[IN_PROCESS_LOOKUP] = lookupInProcessEndpoint;
  }
}
