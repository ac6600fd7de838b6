import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-document-details';
import { migration0003 } from './0003-analysis';
import { migration0004 } from './0004-library';
import { migration0005 } from './0005-search';
import { migration0006 } from './0006-reader-windows';
import { migration0007 } from './0007-source-records';
import { migration0008 } from './0008-brat-model';
import { migration0009 } from './0009-claims-scale';
import { migration0010 } from './0010-analysts';
import { migration0010Curation } from './0010-curation';
import type { Migration } from './types';

/** Every migration, in order. Forward only: never edit one that has shipped; add the next. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0010Curation];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
