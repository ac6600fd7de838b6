// The resolved places of one report or of the library, and the labels of a chosen place's spans.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MapPlace } from '../../../shared/schemas/places';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';

export function usePlaces(documentId: string | undefined) {
  const { notify } = useNotices();
  const [places, setPlaces] = useState<MapPlace[] | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [labelOf, setLabelOf] = useState<ReadonlyMap<string, string>>(new Map());
  const labelsRead = useRef(new Set<string>());

  useEffect(() => {
    let live = true;
    setPlaces(null);
    call('places.list', documentId ? { documentId } : {})
      .then((list) => {
        if (!live) return;
        setPlaces(list);
        setSelectedKey((key) => (list.some((p) => p.key === key) ? key : null));
      })
      .catch((error) => {
        if (live) notify(messageOf(error), 'error');
      });
    return () => {
      live = false;
    };
  }, [documentId, notify]);

  const selected = places?.find((p) => p.key === selectedKey) ?? null;

  // The labels of the selected place's spans, read from their reports.
  useEffect(() => {
    if (!selected) return;
    const missing = [...new Set(selected.annotations.map((a) => a.documentId))].filter((id) => !labelsRead.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) labelsRead.current.add(id);
    // Kept even if the screen moved on: the labels are the same.
    Promise.all(missing.map((id) => call('annotations.spans', { documentId: id })))
      .then((all) =>
        setLabelOf((current) => {
          const next = new Map(current);
          for (const spans of all) spans.ids.forEach((id, i) => next.set(id, spans.labelIds[i]!));
          return next;
        }),
      )
      .catch(() => undefined);
  }, [selected]);

  /** Most spans first, then by name. */
  const listed = useMemo(
    () => [...(places ?? [])].sort((a, b) => b.annotations.length - a.annotations.length || a.name.localeCompare(b.name)),
    [places],
  );

  return { places, listed, selected, selectedKey, select: setSelectedKey, labelOf };
}
