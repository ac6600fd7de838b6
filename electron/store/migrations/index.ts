import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-document-details';
import { migration0003 } from './0003-analysis';
import { migration0004 } from './0004-library';
import { migration0005 } from './0005-search';
import { migration0006 } from './0006-reader-windows';
import { migration0007 } from './0007-source-records';
import { migration0008 } from './0008-brat-model';
import { migration0009 } from './0009-claims-scale';
import { migration0010 } from './0010-event-roles';
import { migration0011 } from './0011-document-notices';
import { migration0012 } from './0012-claims-order';
import { migration0013 } from './0013-analysts';
import { migration0014 } from './0014-curation';
import { migration0015 } from './0015-sync';
import { migration0016 } from './0016-search-scale';
import { migration0017 } from './0017-search-rowid';
import { migration0018 } from './0018-document-layers';
import type { Migration } from './types';

/** Every migration, in order. Forward only: never edit one that has shipped; add the next. */
export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018];

export const latestSchemaVersion = migrations[migrations.length - 1]!.version;
