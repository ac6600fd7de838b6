// The Search screen's state: the query and filters as typed, the results of the latest query
// only (a reply to a query typed over is dropped), paging, and a message for a bad query.
import { useEffect, useRef, useState } from 'react';
import type { SearchQueryArgs, SearchResults } from '../../../shared/schemas/search';
import { call } from '../api';

export interface SearchForm {
  query: string;
  label: string;
  outlet: string;
  tag: string;
  dateFrom: string;
  dateTo: string;
}

export const emptyForm: SearchForm = { query: '', label: '', outlet: '', tag: '', dateFrom: '', dateTo: '' };

const typingPauseMs = 180;
export const reportsPerPage = 20;

function requestOf(form: SearchForm, page: number): SearchQueryArgs | null {
  const hasFilter = form.label || form.outlet.trim() || form.tag.trim() || form.dateFrom || form.dateTo;
  if (!form.query.trim() && !hasFilter) return null;
  return {
    query: form.query,
    label: form.label || undefined,
    outlet: form.outlet.trim() || undefined,
    tag: form.tag.trim() || undefined,
    dateFrom: form.dateFrom || undefined,
    dateTo: form.dateTo || undefined,
    page,
    pageSize: reportsPerPage,
    hitsPerReport: 5,
  };
}

export function useSearch() {
  const [form, setForm] = useState<SearchForm>(emptyForm);
  const [page, setPage] = useState(0);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  /** Bumped to run the same search again (after tagging its hits). */
  const [round, setRound] = useState(0);
  /** Counts queries sent; a reply is used only if no later query was sent meanwhile. */
  const sent = useRef(0);

  useEffect(() => {
    const request = requestOf(form, page);
    const serial = ++sent.current;
    if (!request) {
      setResults(null);
      setError(null);
      setSearching(false);
      return;
    }
    setSearching(true);
    const timer = setTimeout(() => {
      call('search.query', request).then(
        (next) => {
          if (serial !== sent.current) return;
          setResults(next);
          setError(null);
          setSearching(false);
        },
        (failure: unknown) => {
          if (serial !== sent.current) return;
          setError(failure instanceof Error ? failure.message : String(failure));
          setSearching(false);
        },
      );
    }, typingPauseMs);
    return () => clearTimeout(timer);
  }, [form, page, round]);

  const update = (patch: Partial<SearchForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setPage(0);
  };
  const pages = results ? Math.max(1, Math.ceil(results.total / reportsPerPage)) : 0;
  const refresh = () => setRound((n) => n + 1);
  return { form, update, page, setPage, pages, results, error, searching, refresh };
}
