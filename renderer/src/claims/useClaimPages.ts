// Pages of the claims table, fetched as the list scrolls to them. A new query (filters or
// sort) starts over; answers to an older query are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimRow, ClaimsQuery } from '../../../shared/schemas/claims';
import { call, messageOf } from '../api';

const claimsPageSize = 200;

export type ClaimsRequest = Omit<ClaimsQuery, 'offset' | 'limit'>;

export interface ClaimPages {
  /** Claims matching the query, or null before the first answer. */
  total: number | null;
  /** The row at index, or undefined while its page is on its way. */
  row(index: number): ClaimRow | undefined;
  /** Fetches the pages covering rows first..last that are not here yet. */
  ensure(first: number, last: number): void;
  error: string | null;
  /** Changes whenever rows arrive (for memoised children). */
  version: number;
}

export function useClaimPages(request: ClaimsRequest): ClaimPages {
  const key = JSON.stringify(request);
  const pages = useRef(new Map<number, ClaimRow[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const requestRef = useRef(request);
  requestRef.current = request;

  const fetchPage = useCallback((page: number) => {
    if (pages.current.has(page) || pending.current.has(page)) return;
    pending.current.add(page);
    const asked = generation.current;
    call('claims.table', { ...requestRef.current, offset: page * claimsPageSize, limit: claimsPageSize })
      .then((result) => {
        if (asked !== generation.current) return;
        pending.current.delete(page);
        pages.current.set(page, result.rows);
        setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => {
        if (asked !== generation.current) return;
        pending.current.delete(page);
        setError(messageOf(e));
        setTotal((t) => t ?? 0);
      });
  }, []);

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    pending.current = new Set();
    setTotal(null);
    setVersion((v) => v + 1);
    fetchPage(0);
  }, [key, fetchPage]);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (last < first) return;
      for (let p = Math.floor(first / claimsPageSize); p <= Math.floor(last / claimsPageSize); p++) fetchPage(p);
    },
    [fetchPage],
  );

  const row = useCallback((index: number) => pages.current.get(Math.floor(index / claimsPageSize))?.[index % claimsPageSize], []);

  return { total, row, ensure, error, version };
}
