// Analysts named by id or name (the CLI and the screen name them either way), checked: fewer
// than two, an unknown one, or a name two analysts share each get a message and nothing runs.
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';

export interface AnalystRef {
  id: string;
  name: string;
}

export function resolveAnalysts(ctx: ServiceContext, refs: readonly string[], minimum = 2): AnalystRef[] {
  const unique = [...new Set(refs.map((r) => r.trim()).filter((r) => r !== ''))];
  if (unique.length < minimum) {
    throw new AppError(
      'INVALID_ARGS',
      unique.length === 0
        ? `Agreement compares analysts: name at least ${minimum} (none given).`
        : `Agreement compares analysts: name at least ${minimum} (only ${unique.join(', ')} given).`,
    );
  }
  const byId = ctx.store.db.prepare('SELECT id, name FROM analysts WHERE id = ?');
  const byName = ctx.store.db.prepare('SELECT id, name FROM analysts WHERE name = ? COLLATE NOCASE');
  const resolved: AnalystRef[] = [];
  const unknown: string[] = [];
  for (const ref of unique) {
    const exact = byId.get(ref) as AnalystRef | undefined;
    if (exact) {
      resolved.push(exact);
      continue;
    }
    const named = byName.all(ref) as AnalystRef[];
    if (named.length > 1) {
      throw new AppError('INVALID_ARGS', `${named.length} analysts are named "${ref}"; name them by id (${named.map((a) => a.id).join(', ')}).`);
    }
    if (named.length === 1) resolved.push(named[0]!);
    else unknown.push(ref);
  }
  if (unknown.length > 0) {
    const known = (ctx.store.db.prepare('SELECT name FROM analysts ORDER BY name').pluck().all() as string[]).join(', ');
    throw new AppError('NOT_FOUND', `No analyst ${unknown.map((u) => `"${u}"`).join(', ')} in this store (analysts: ${known || 'none'}).`);
  }
  const ids = new Set(resolved.map((a) => a.id));
  if (ids.size < minimum) throw new AppError('INVALID_ARGS', `Those names are the same analyst; name at least ${minimum} different ones.`);
  return resolved.filter((a, i) => resolved.findIndex((b) => b.id === a.id) === i);
}
