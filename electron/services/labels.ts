import type { Label } from '../../shared/schemas';
import type { Handlers } from './handlers';
import type { ServiceContext } from './context';

export function listLabels(ctx: ServiceContext): Label[] {
  return ctx.store.db
    .prepare('SELECT id, name, color, hotkey, position FROM labels ORDER BY position, name')
    .all() as Label[];
}

/** Finds a label by id or by name (case-insensitive), as the CLI lets users type either. */
export function findLabel(ctx: ServiceContext, idOrName: string): Label | undefined {
  return ctx.store.db
    .prepare('SELECT id, name, color, hotkey, position FROM labels WHERE id = ? OR name = ? COLLATE NOCASE')
    .get(idOrName, idOrName) as Label | undefined;
}

export function labelHandlers(ctx: ServiceContext): Pick<Handlers, 'labels.list'> {
  return { 'labels.list': () => listLabels(ctx) };
}
