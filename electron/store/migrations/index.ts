import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-document-details';
import { migration0003 } from './0003-analysis';
import { migration0004 } from './0004-reader-windows';
import type { Migration } from './types';

/** Every migration, in order. Forward only: never edit one that has shipped; add the next. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
