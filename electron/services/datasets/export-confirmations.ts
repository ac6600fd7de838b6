// Exports waiting for the user's "Replace" (a previous Glossa export in the chosen folder).
// The page holds only an opaque token; the folder and options stay here, so the page can
// neither name a path nor change what is exported.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { DatasetExportOptions } from '../../../shared/schemas/datasets';
import type { ServiceContext } from '../context';

interface PendingReplace {
  options: DatasetExportOptions;
  named: string;
}

const pendingByContext = new WeakMap<ServiceContext, Map<string, PendingReplace>>();
const maxPending = 20;

export function rememberReplace(ctx: ServiceContext, pending: PendingReplace): string {
  let map = pendingByContext.get(ctx);
  if (!map) pendingByContext.set(ctx, (map = new Map()));
  if (map.size >= maxPending) map.delete(map.keys().next().value!);
  const token = randomUUID();
  map.set(token, pending);
  return token;
}

/** The pending export for token, taken once; NOT_FOUND when unknown or already used. */
export function takeReplace(ctx: ServiceContext, token: string): PendingReplace {
  const pending = pendingByContext.get(ctx)?.get(token);
  if (!pending) throw new AppError('NOT_FOUND', 'That export is no longer waiting for confirmation. Export again.');
  pendingByContext.get(ctx)!.delete(token);
  return pending;
}
