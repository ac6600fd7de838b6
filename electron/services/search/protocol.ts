// Messages between the main thread and the search worker (search-worker-entry.ts).
import type { ErrorData } from '../../../shared/errors';
import type { ConsistencyQuery, SearchQuery } from '../../../shared/schemas/search';
import type { z } from 'zod';

export type SearchKind = 'query' | 'consistency';

export type SearchRequest =
  | { id: number; kind: 'query'; args: z.output<typeof SearchQuery> }
  | { id: number; kind: 'consistency'; args: z.output<typeof ConsistencyQuery> };

export type SearchReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData };

export interface SearchWorkerData {
  /** require.resolve('better-sqlite3') of the main thread, so both load the same module. */
  module: string;
  storePath: string;
  nativeBinding?: string;
  /** Int32 slots (one per SearchKind, in kindSlot order): the id of the newest request of that kind. */
  newest: SharedArrayBuffer;
}

export const kindSlot: Record<SearchKind, number> = { query: 0, consistency: 1 };
