// Placeholder until the owning issue lands; replaced by the real command.
import { UsageError } from '../../errors';

export function lintCommand(_files: string[], _opts: Record<string, unknown>): Promise<number> {
  return Promise.reject(new UsageError('ims-rig lint: not built yet'));
}
