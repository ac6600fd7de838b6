// Every write to a table goes through its module in this folder (design.md: one writer per
// table), used by the services, the importers and, later, sync. Each module prepares its
// statements once per connection, on first use, and reuses them.
import type { Db } from '../store';

/** Returns the statements `make` prepares for a connection, preparing them on its first call. */
export function statementsFor<T>(make: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let statements = made.get(db);
    if (!statements) made.set(db, (statements = make(db)));
    return statements;
  };
}
