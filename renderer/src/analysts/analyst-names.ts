// Analysts' names by id, for cards and the layer chooser: loaded once, again after a rename.
import { useSyncExternalStore } from 'react';
import type { Analyst } from '../../../shared/schemas/analysts';
import { call } from '../api';

let names: ReadonlyMap<string, string> = new Map();
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function reloadAnalystNames(): Promise<void> {
  loading = call('analysts.list', {}).then(
    (analysts: Analyst[]) => {
      names = new Map(analysts.map((a) => [a.id, a.name]));
      for (const listener of listeners) listener();
    },
    () => undefined,
  );
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!loading) void reloadAnalystNames();
  return () => listeners.delete(listener);
}

export function useAnalystNames(): ReadonlyMap<string, string> {
  return useSyncExternalStore(subscribe, () => names);
}

/** "Made by Alice, 1 Dec 2026 10:04; last changed by Bob, 2 Dec 2026 09:00". */
export function authorship(a: { createdBy?: string; updatedBy?: string; createdAt?: string; updatedAt?: string }, named: ReadonlyMap<string, string>): string | null {
  if (!a.createdBy) return null;
  const when = (iso: string | undefined) => {
    const date = iso ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : (iso ?? '');
  };
  const who = (id: string) => named.get(id) ?? 'an analyst not in this library';
  const made = `Made by ${who(a.createdBy)}, ${when(a.createdAt)}`;
  const changed = a.updatedAt && a.updatedAt !== a.createdAt ? `; last changed by ${who(a.updatedBy ?? a.createdBy)}, ${when(a.updatedAt)}` : '';
  return made + changed;
}
