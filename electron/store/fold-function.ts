// glossa_fold(text): foldCase (shared/text/fold.ts) as an SQL function, registered on a connection the first
// time a query needs it (filters that fold case for every script, where LIKE folds ASCII only).
import { foldCase } from '../../shared/text/fold';
import type { Db } from './store';

const registered = new WeakSet<Db>();

export function withFoldFunction(db: Db): Db {
  if (!registered.has(db)) {
    db.function('glossa_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldCase(text) : text));
    registered.add(db);
  }
  return db;
}
