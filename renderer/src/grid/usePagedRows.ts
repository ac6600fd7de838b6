// Rows of a long list fetched from main a page at a time, as a virtualised grid scrolls to them
// (the library and the claims table). A new request (filter or sort) starts over and answers to
// an older one are dropped. Both a new request and a refresh (the store changed) keep the rows on
// show until the new ones arrive, so the grid neither flashes nor loses its place, and a filter
// typed into a long list repaints its rows once, in place, instead of emptying and refilling.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface RowsPage<Row> {
  total: number;
  rows: Row[];
}

export interface PagedRows<Row> {
  /** Rows matching the request (the last request answered), or null before the first answer. */
  total: number | null;
  /** A request is on its way: total and rows are still those of the last one answered. */
  loading: boolean;
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
  /** The last request's rows, shown until the current request's first answer. */
  const stale = useRef<Map<number, Row[]> | null>(null);
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
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
          stale.current = null;
          pages.current.set(page, result.rows);
          setTotal(result.total);
          setLoading(false);
          setError(null);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (asked !== generation.current) return;
          stale.current = null;
          setError(latest.current.messageOf(e));
          setTotal((t) => t ?? 0);
          setLoading(false);
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
    if (pages.current.size > 0) stale.current = pages.current;
    pages.current = new Map();
    pending.current = new Map();
    setLoading(true);
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

  const row = useCallback(
    (index: number) => {
      const page = Math.floor(index / pageSize);
      return (pages.current.get(page) ?? stale.current?.get(page))?.[index % pageSize];
    },
    [pageSize],
  );

  return { total, loading, row, ensure, refresh, error, version };
}
