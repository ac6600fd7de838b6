// store.* on a core opened without the app's recovery (the CLI's, the unit tests'): the status,
// and a refusal to replace a store that is open and sound (electron/app-core.ts does that).
import { AppError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { storeStatusOf } from './status';

type StoreHandlers = Pick<Handlers, 'store.status' | 'store.restoreBackup' | 'store.startNew'>;

const notDamaged = (): never => {
  throw new AppError('INVALID_ARGS', 'The store is not damaged; restoring or replacing it is offered only when it is.');
};

export function storeHandlers(ctx: ServiceContext): StoreHandlers {
  return {
    'store.status': () => storeStatusOf(ctx.store),
    'store.restoreBackup': notDamaged,
    'store.startNew': notDamaged,
  };
}
