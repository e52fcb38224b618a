// Placeholder until the owning issue lands; replaced by the real command.
import { UsageError } from '../../errors';

export function virtualDeviceCommand(_opts: Record<string, unknown>): Promise<number> {
  return Promise.reject(new UsageError('ims-rig virtual-device: not built yet'));
}
