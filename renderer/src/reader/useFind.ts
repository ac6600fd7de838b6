// The find bar's state: the query and its options, the matches main found in the whole report,
// and the current match. Matching runs in main (text.find), so this does not depend on how much
// of the text the reader holds.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TextMatches } from '../../../shared/schemas/find';
import { call, messageOf } from '../api';
import { firstMatchFrom } from './find-hits';
import type { CurrentMatch } from './ReaderText';

export interface FindOptions {
  caseSensitive: boolean;
  wholeWord: boolean;
  regex: boolean;
}

/** Find commands from the menu or the keyboard, counted so that each one arrives once. */
export type FindRequest = { kind: 'find' | 'find-next' | 'find-previous'; serial: number };

const defaultOptions: FindOptions = { caseSensitive: false, wholeWord: false, regex: false };

/**
 * `startOffset` says where a new find begins: the first match at or after it becomes current
 * (the top of the text on screen, when the bar opens).
 */
export function useFind(documentId: string, startOffset: () => number) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<FindOptions>(defaultOptions);
  const [matches, setMatches] = useState<TextMatches | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [current, setCurrent] = useState<CurrentMatch | null>(null);
  /** Bumped to ask the bar to focus and select its field. */
  const [focusRequest, setFocusRequest] = useState(0);
  const requestSerial = useRef(0);
  const moveSerial = useRef(0);
  /** Where the current match is sought from when new results arrive. */
  const anchor = useRef(0);
  const latestStart = useRef(startOffset);
  latestStart.current = startOffset;

  const show = useCallback((result: TextMatches, index: number) => {
    setCurrent(index < 0 ? null : { index, start: result.starts[index]!, serial: ++moveSerial.current });
  }, []);

  useEffect(() => {
    if (!open) return;
    const serial = ++requestSerial.current;
    if (query === '') {
      setMatches(null);
      setError(null);
      setCurrent(null);
      // Lets main fold the report's text while the query is typed.
      void call('text.find', { documentId, query, ...options }).catch(() => undefined);
      return;
    }
    call('text.find', { documentId, query, ...options }).then(
      (result) => {
        if (serial !== requestSerial.current) return;
        setMatches(result);
        setError(null);
        show(result, firstMatchFrom(result.starts, anchor.current));
      },
      (failure: unknown) => {
        if (serial !== requestSerial.current) return;
        setMatches(null);
        setCurrent(null);
        setError(messageOf(failure));
      },
    );
  }, [open, query, options, documentId, show]);

  const openBar = useCallback(
    (prefill?: string) => {
      if (!open) anchor.current = latestStart.current();
      setOpen(true);
      if (prefill) setQuery(prefill);
      setFocusRequest((n) => n + 1);
    },
    [open],
  );

  const close = useCallback(() => {
    setOpen(false);
    setMatches(null);
    setCurrent(null);
    setError(null);
  }, []);

  /** Moves to the next (1) or previous (-1) match, wrapping around. */
  const move = useCallback(
    (step: 1 | -1) => {
      if (!matches || matches.starts.length === 0) return;
      const count = matches.starts.length;
      const index = current ? (current.index + step + count) % count : step === 1 ? 0 : count - 1;
      anchor.current = matches.starts[index]!;
      show(matches, index);
    },
    [matches, current, show],
  );

  /** A menu or key command: Find opens (or refocuses) the bar; Next and Previous move, opening it if closed. */
  const request = useCallback(
    (kind: FindRequest['kind'], prefill?: string) => {
      if (kind === 'find' || !open || query === '') openBar(kind === 'find' ? prefill : undefined);
      else move(kind === 'find-next' ? 1 : -1);
    },
    [open, query, openBar, move],
  );

  return { open, query, setQuery, options, setOptions, matches, error, current, focusRequest, openBar, close, move, request };
}

export type Find = ReturnType<typeof useFind>;

/** "3 of 17", "No matches", or the cap: "3 of the first 50,000 matches". */
export function findStatus(find: Pick<Find, 'query' | 'matches' | 'current' | 'error'>): string {
  if (find.error || find.query === '' || !find.matches) return '';
  const count = find.matches.starts.length;
  if (count === 0) return 'No matches';
  const position = find.current ? find.current.index + 1 : 0;
  if (find.matches.capped) return `${position.toLocaleString('en')} of the first ${find.matches.limit.toLocaleString('en')} matches`;
  return `${position.toLocaleString('en')} of ${count.toLocaleString('en')}`;
}
