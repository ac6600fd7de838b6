// The state of an open store, for store.status: sound or open for viewing only, with its good
// backups. (Damage is known to the app core, which answers store.status itself then.)
import type { StoreStatus } from '../../../shared/schemas/store';
import { listBackups } from '../../store/backups';
import { readOnlyRefusal } from '../../store/read-only';
import type { Store } from '../../store/store';

export function storeStatusOf(store: Store): StoreStatus {
  return {
    state: store.readOnly ? 'read-only' : 'ok',
    storePath: store.path,
    problem: store.readOnly ? readOnlyRefusal(store.path).message : null,
    backups: listBackups(store.path),
  };
}
