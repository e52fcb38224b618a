/**
 * Where `ims-rig run --transport in-process` leaves the reference device it started, so the suite
 * under Jest reaches that very device (the one the CLI probed and will restore), not a new one.
 * Jest loads the suite in a sandbox with its own module registry; the test environment
 * (./in-process-environment.ts), loaded by Node itself in the CLI's process, hands the sandbox a
 * lookup into this registry. Only a ServiceEndpoint crosses: plain data, Buffers and promises.
 */
import { type ServiceEndpoint } from '../adb';
import { DeviceUnavailableError } from '../errors';

/** The sandbox global the test environment sets: serial → endpoint. */
export const IN_PROCESS_LOOKUP = '__imsRigInProcessEndpoint';

export type EndpointLookup = (serial: string) => ServiceEndpoint | undefined;

const endpoints = new Map<string, ServiceEndpoint>();

/** Makes `endpoint` reachable by its serial until the returned function is called. */
export function registerInProcessEndpoint(endpoint: ServiceEndpoint): () => void {
  endpoints.set(endpoint.serial, endpoint);
  return () => {
    if (endpoints.get(endpoint.serial) === endpoint) endpoints.delete(endpoint.serial);
  };
}

/** The registry's own lookup (what the environment hands the sandbox). */
export const lookupInProcessEndpoint: EndpointLookup = (serial) => endpoints.get(serial);

/**
 * The endpoint for `serial`: through the lookup the test environment put on the global (inside
 * Jest's sandbox), else from this module's registry (the same realm: a test calling the suite directly).
 */
export function inProcessEndpoint(serial: string): ServiceEndpoint {
  const lookup = (globalThis as Record<string, unknown>)[IN_PROCESS_LOOKUP] as EndpointLookup | undefined;
  const endpoint = lookup?.(serial) ?? endpoints.get(serial);
  if (endpoint === undefined) throw new DeviceUnavailableError(`${serial}: no in-process reference device of that name in this process (the suite runs under \`ims-rig run --transport in-process\`)`);
  return endpoint;
}
