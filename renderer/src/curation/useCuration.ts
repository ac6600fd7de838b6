// The Curation screen's state: the report, the analysts and the rule chosen, the view the
// service computes for them, and the calls that decide, undo and apply the rule.
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

export interface CurationState {
  view: CurationViewData | null;
  error: string | null;
  /** What the last action did, for the live region. */
  said: string;
  decide(input: Omit<ArgsOf<'curation.decide'>, 'documentId' | 'analysts'>): Promise<void>;
  undo(decisionId: string): Promise<void>;
  applyRule(): Promise<void>;
}

export function useCuration(choice: CurationChoice): CurationState {
  const [view, setView] = useState<CurationViewData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const serial = useRef(0);
  const { documentId, analysts, rule, threshold } = choice;
  const key = `${documentId}\u0000${analysts.join(',')}\u0000${rule}\u0000${threshold}`;
  const query = useCallback(
    () => (documentId ? { documentId, analysts, rule, ...(rule === 'threshold' ? { threshold } : {}) } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const refresh = useCallback(async () => {
    const q = query();
    const mine = ++serial.current;
    if (!q || q.analysts.length === 0) {
      setView(null);
      setError(q ? 'Choose at least one analyst whose layer to curate.' : null);
      return;
    }
    try {
      const next = await call('curation.view', q);
      if (mine === serial.current) {
        setView(next);
        setError(null);
      }
    } catch (e) {
      if (mine === serial.current) {
        setView(null);
        setError(messageOf(e));
      }
    }
  }, [query]);
  useEffect(() => void refresh(), [refresh]);

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
