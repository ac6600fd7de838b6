// The claims screen's query: the schema and report tags the filters offer, the filters and
// sort chosen, and the request they make (the quote search waits for a pause in typing).
import { useEffect, useMemo, useState } from 'react';
import type { AnalysisSchema } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { claimSortOf, emptyDraft, findAttribute, isFiltered, toFilters, type Draft, type SortState } from './claim-filters';
import type { ClaimsRequest } from './useClaimPages';

export function useClaimsQuery() {
  const { notify } = useNotices();
  const [schema, setSchema] = useState<AnalysisSchema | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [text, setText] = useState('');
  const [sort, setSort] = useState<SortState>({ column: 'date', direction: 'desc' });

  useEffect(() => {
    // The library's facets, not its whole list: a library of 100,000 reports is megabytes of JSON.
    Promise.all([call('schema.get', {}), call('documents.facets', {})])
      .then(([s, facets]) => {
        setSchema(s);
        setTags(facets.tags.map((t) => t.value).sort((a, b) => a.localeCompare(b)));
      })
      .catch((error) => notify(messageOf(error), 'error'));
  }, [notify]);

  useEffect(() => {
    const timer = setTimeout(() => setDraft((d) => (d.text === text ? d : { ...d, text })), 250);
    return () => clearTimeout(timer);
  }, [text]);

  const claimLabel = schema?.labels.find((l) => l.id === 'claim');
  const sourceLabel = schema?.labels.find((l) => l.id === 'source');
  const claimAttributes = useMemo(() => claimLabel?.attributes ?? [], [claimLabel]);
  const sourceAttributes = useMemo(() => sourceLabel?.attributes ?? [], [sourceLabel]);
  const status = findAttribute(claimAttributes, 'claim-status', 'status');
  const confidence = findAttribute(claimAttributes, 'claim-confidence', 'confidence');
  const sourceKind = findAttribute(sourceAttributes, 'source-kind', 'kind');

  const request = useMemo<ClaimsRequest>(
    () => ({ filters: toFilters(draft, claimAttributes, sourceAttributes), sort: claimSortOf(sort, status, confidence) }),
    [draft, sort, status, confidence, claimAttributes, sourceAttributes],
  );

  return {
    tags,
    draft,
    setDraft,
    text,
    setText,
    sort,
    setSort,
    clear: () => {
      setText('');
      setDraft(emptyDraft);
    },
    filtered: isFiltered(draft, text),
    claimAttributes,
    sourceAttributes,
    columns: { statusId: status?.id, confidenceId: confidence?.id, sourceKindId: sourceKind?.id },
    request,
  };
}

export type ClaimsQueryState = ReturnType<typeof useClaimsQuery>;
