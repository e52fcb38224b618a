// Placeholder until the owning issue lands; replaced by the real command.
import { UsageError } from '../../errors';

export function explainCommand(_file: string, _opts: Record<string, unknown>): Promise<number> {
  return Promise.reject(new UsageError('ims-rig explain: not built yet'));
}
