// Rows of a long list fetched from main a page at a time, as a virtualised grid scrolls to them
// (the library and the claims table). A new request (filter or sort) starts over and answers to
// an older one are dropped; a refresh (the store changed) fetches the pages shown again but keeps
// their old rows until the new ones arrive, so the grid neither flashes nor loses its place.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RowsPage<Row> {
  total: number;
  rows: Row[];
}

export interface PagedRows<Row> {
  /** Rows matching the request, or null before the first answer. */
  total: number | null;
  /** The row at index, or undefined while its page is on its way. */
  row(index: number): Row | undefined;
  /** Fetches the pages covering rows first..last that are not here yet. */
  ensure(first: number, last: number): void;
  /** Fetches every page shown again (the store changed). */
  refresh(): Promise<void>;
  error: string | null;
  /** Changes whenever rows arrive (for memoised children). */
  version: number;
}

export type FetchRows<Request, Row> = (request: Request, offset: number, limit: number) => Promise<RowsPage<Row>>;

export function usePagedRows<Request, Row>(request: Request, fetchRows: FetchRows<Request, Row>, pageSize: number, messageOf: (error: unknown) => string): PagedRows<Row> {
  const key = JSON.stringify(request);
  const pages = useRef(new Map<number, Row[]>());
  const pending = useRef(new Map<number, Promise<void>>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef({ request, fetchRows, messageOf });
  latest.current = { request, fetchRows, messageOf };

  const fetchPage = useCallback(
    (page: number, force = false): Promise<void> => {
      const waiting = pending.current.get(page);
      if (waiting && !force) return waiting;
      if (pages.current.has(page) && !force) return Promise.resolve();
      const asked = generation.current;
      const work = latest.current
        .fetchRows(latest.current.request, page * pageSize, pageSize)
        .then((result) => {
          if (asked !== generation.current) return;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setError(null);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (asked !== generation.current) return;
          setError(latest.current.messageOf(e));
          setTotal((t) => t ?? 0);
        })
        .finally(() => {
          if (pending.current.get(page) === work) pending.current.delete(page);
        });
      pending.current.set(page, work);
      return work;
    },
    [pageSize],
  );

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
      for (let p = Math.floor(first / pageSize); p <= Math.floor(last / pageSize); p++) void fetchPage(p);
    },
    [fetchPage, pageSize],
  );

  const refresh = useCallback(async () => {
    generation.current += 1;
    pending.current = new Map();
    const shown = pages.current.size > 0 ? [...pages.current.keys()] : [0];
    const kept = pages.current;
    // Pages not fetched again would hold stale rows: keep only those being fetched.
    pages.current = new Map(shown.flatMap((p) => (kept.has(p) ? [[p, kept.get(p)!] as const] : [])));
    await Promise.all(shown.map((p) => fetchPage(p, true)));
  }, [fetchPage]);

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize], [pageSize]);

  return { total, row, ensure, refresh, error, version };
}
