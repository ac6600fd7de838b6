// Pages of the library list, fetched from the store as the table scrolls to them. A new filter or
// sort starts over; a refresh (after an import, edit or delete) fetches the pages again but shows
// the old rows until the new ones arrive, so the table does not flash or lose its place.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { LibraryFilter, LibrarySort } from '../../../shared/schemas/library-query';
import { call, messageOf } from '../api';

export const libraryPageSize = 100;

export interface LibraryPages {
  /** Reports matching the filter, or null before the first answer. */
  total: number | null;
  /** The row at index, or undefined while its page is on its way. */
  row(index: number): DocumentSummary | undefined;
  /** Fetches the pages covering rows first..last that are not here yet. */
  ensure(first: number, last: number): void;
  /** Fetches every page shown again (the store changed). */
  refresh(): Promise<void>;
  error: string | null;
  /** Changes whenever rows arrive. */
  version: number;
}

export function useLibraryPages(filter: LibraryFilter, sort: LibrarySort): LibraryPages {
  const key = JSON.stringify([filter, sort]);
  const pages = useRef(new Map<number, DocumentSummary[]>());
  const pending = useRef(new Map<number, Promise<void>>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const requestRef = useRef({ filter, sort });
  requestRef.current = { filter, sort };

  const fetchPage = useCallback((page: number, force = false): Promise<void> => {
    const waiting = pending.current.get(page);
    if (waiting && !force) return waiting;
    if (pages.current.has(page) && !force) return Promise.resolve();
    const asked = generation.current;
    const work = call('documents.query', { ...requestRef.current, offset: page * libraryPageSize, limit: libraryPageSize })
      .then((result) => {
        if (asked !== generation.current) return;
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => {
        if (asked !== generation.current) return;
        setError(messageOf(e));
        setTotal((t) => t ?? 0);
      })
      .finally(() => {
        if (pending.current.get(page) === work) pending.current.delete(page);
      });
    pending.current.set(page, work);
    return work;
  }, []);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Map();
    setTotal(null);
    setVersion((v) => v + 1);
    void fetchPage(0);
  }, [key, fetchPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let p = Math.floor(first / libraryPageSize); p <= Math.floor(last / libraryPageSize); p++) void fetchPage(p);
    },
    [fetchPage],
  );

  const refresh = useCallback(async () => {
    generation.current += 1;
    pending.current = new Map();
    const shown = pages.current.size > 0 ? [...pages.current.keys()] : [0];
    const kept = pages.current;
    // Pages not fetched again would hold stale rows: keep only those being fetched.
    pages.current = new Map(shown.map((p) => [p, kept.get(p)!]).filter(([, rows]) => rows !== undefined) as [number, DocumentSummary[]][]);
    await Promise.all(shown.map((p) => fetchPage(p, true)));
  }, [fetchPage]);

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / libraryPageSize))?.[index % libraryPageSize], []);

  return { total, row, ensure, refresh, error, version };
}
