// The Curation screen's state: the report, the analysts and the rule chosen, the view the
// service computes for them (its candidates paged: the first rows, then more as the list
// scrolls or N jumps ahead), and the calls that decide, undo and apply the rule.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArgsOf } from '../../../shared/contract';
import type { CurationRuleName, CurationViewData } from '../../../shared/schemas/curation';
import { call, messageOf } from '../api';

export interface CurationChoice {
  documentId: string | null;
  analysts: string[];
  rule: CurationRuleName;
  threshold: number;
}

/** Candidates asked for at a time: a screenful and more, so the first paint waits for few. */
export const curationPage = 100;

export interface CurationState {
  /** Its candidates are the first rows loaded (view.candidates.length of view.total). */
  view: CurationViewData | null;
  error: string | null;
  /** What the last action did, for the live region. */
  said: string;
  decide(input: Omit<ArgsOf<'curation.decide'>, 'documentId' | 'analysts'>): Promise<void>;
  undo(decisionId: string): Promise<void>;
  applyRule(): Promise<void>;
  /** Loads the candidates up to index `last` (and a page beyond) if they are not loaded yet. */
  loadThrough(last: number): Promise<void>;
  announce(text: string): void;
}

export function useCuration(choice: CurationChoice): CurationState {
  const [view, setView] = useState<CurationViewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const serial = useRef(0);
  const loaded = useRef(0);
  const loading = useRef<Promise<void> | null>(null);
  const { documentId, analysts, rule, threshold } = choice;
  const key = `${documentId}\u0000${analysts.join(',')}\u0000${rule}\u0000${threshold}`;
  const query = useCallback(
    () => (documentId ? { documentId, analysts, rule, ...(rule === 'threshold' ? { threshold } : {}) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  /** Reads the view again with as many rows as are loaded (at least a page), so the list keeps its place. */
  const refresh = useCallback(
    async (keepRows = true) => {
      const q = query();
      const mine = ++serial.current;
      loading.current = null;
      if (!keepRows) loaded.current = 0;
      if (!q || q.analysts.length === 0) {
        setView(null);
        setError(q ? 'Choose at least one analyst whose layer to curate.' : null);
        return;
      }
      try {
        const next = await call('curation.view', { ...q, offset: 0, limit: Math.max(curationPage, loaded.current) });
        if (mine === serial.current) {
          loaded.current = next.candidates.length;
          setView(next);
          setError(null);
        }
      } catch (e) {
        if (mine === serial.current) {
          setView(null);
          setError(messageOf(e));
        }
      }
    },
    [query],
  );
  useEffect(() => void refresh(false), [refresh]);

  const loadThrough = useCallback(
    async (last: number): Promise<void> => {
      const q = query();
      while (loading.current) await loading.current;
      if (!q || !view || last < loaded.current || loaded.current >= view.total) return;
      const mine = serial.current;
      const from = loaded.current;
      loading.current = call('curation.view', { ...q, offset: from, limit: last - from + 1 + curationPage }).then(
        (more) => {
          if (mine !== serial.current || from !== loaded.current) return;
          loaded.current = from + more.candidates.length;
          setView((current) => (current ? { ...more, offset: 0, candidates: [...current.candidates, ...more.candidates] } : current));
        },
        (e: unknown) => setSaid(messageOf(e)),
      );
      await loading.current;
      loading.current = null;
    },
    [query, view],
  );

  const act = async (what: () => Promise<string>) => {
    try {
      setSaid(await what());
    } catch (e) {
      setSaid(messageOf(e));
    }
    await refresh();
  };
  return {
    view,
    error,
    said,
    loadThrough,
    announce: setSaid,
    decide: (input) =>
      act(async () => {
        const d = await call('curation.decide', { ...input, documentId: documentId!, analysts } as ArgsOf<'curation.decide'>);
        return d.action === 'reject' ? 'Rejected.' : d.action === 'edit' ? 'Edited into gold.' : 'Accepted into gold.';
      }),
    undo: (decisionId) =>
      act(async () => {
        await call('curation.undo', { decisionId });
        return 'Decision undone.';
      }),
    applyRule: () =>
      act(async () => {
        const q = query()!;
        const r = await call('curation.applyRule', q);
        return `${r.decisions.length} agreed ${r.decisions.length === 1 ? 'span' : 'spans'} accepted by the ${rule} rule${r.skipped ? `; ${r.skipped} already decided` : ''}.`;
      }),
  };
}
