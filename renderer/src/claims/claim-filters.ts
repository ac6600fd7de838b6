// The claims table's filters and sort as the user sets them, and the request they make.
import type { AttributeFilter, ClaimFilters, ClaimSort } from '../../../shared/schemas/claims';
import type { AttributeValue, LabelAttribute } from '../../../shared/schemas/schema';

export type SortColumn = 'quote' | 'document' | 'date' | 'sources' | 'locations' | 'status' | 'confidence';

export interface Draft {
  /** Claim attribute filters: attribute id → chosen value ('' for any). */
  attributes: Record<string, string>;
  /** Source attribute filters: attribute id → chosen value. */
  sourceAttributes: Record<string, string>;
  dateFrom: string;
  dateTo: string;
  tag: string;
  text: string;
  /** The layer (an analyst's id, or 'gold') the claims are in; '' for every layer. */
  analyst?: string;
}

export const emptyDraft: Draft = { attributes: {}, sourceAttributes: {}, dateFrom: '', dateTo: '', tag: '', text: '' };

export function findAttribute(attributes: readonly LabelAttribute[], id: string, name: string): LabelAttribute | undefined {
  return attributes.find((a) => a.id === id) ?? attributes.find((a) => a.name.toLowerCase() === name);
}

/** Choice, multi-choice and yes/no attributes can be filtered by one value. */
export function filterable(a: LabelAttribute): boolean {
  return a.type === 'choice' || a.type === 'multi' || a.type === 'boolean';
}

function filterValue(a: LabelAttribute, raw: string): string | boolean {
  return a.type === 'boolean' ? raw === 'true' : raw;
}

export function formatValue(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

export function toFilters(draft: Draft, claimAttributes: readonly LabelAttribute[], sourceAttributes: readonly LabelAttribute[]): ClaimFilters {
  const pick = (chosen: Record<string, string>, attributes: readonly LabelAttribute[]): AttributeFilter[] =>
    attributes
      .filter((a) => chosen[a.id])
      .map((a) => ({ attributeId: a.id, values: [filterValue(a, chosen[a.id]!)] }));
  const filters: ClaimFilters = {};
  const attrs = pick(draft.attributes, claimAttributes);
  const sources = pick(draft.sourceAttributes, sourceAttributes);
  if (attrs.length) filters.attributes = attrs;
  if (sources.length) filters.sourceAttributes = sources;
  if (draft.dateFrom) filters.dateFrom = draft.dateFrom;
  if (draft.dateTo) filters.dateTo = draft.dateTo;
  if (draft.tag) filters.tags = [draft.tag];
  if (draft.analyst) filters.layers = [draft.analyst];
  if (draft.text.trim()) filters.text = draft.text.trim();
  return filters;
}

export type SortState = { column: SortColumn; direction: 'asc' | 'desc' };

/** The store's sort for a column; status and confidence sort by their attribute, where there is one. */
export function claimSortOf(sort: SortState, status: LabelAttribute | undefined, confidence: LabelAttribute | undefined): ClaimSort {
  if (sort.column === 'status' || sort.column === 'confidence') {
    const attribute = sort.column === 'status' ? status : confidence;
    return attribute ? { key: 'attribute', attributeId: attribute.id, direction: sort.direction } : { key: 'date', direction: 'desc' };
  }
  return { key: sort.column, direction: sort.direction };
}

/** Clicking a heading sorts by it, or turns its direction; dates start newest first. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: column === 'date' ? 'desc' : 'asc' };
}

export function isFiltered(draft: Draft, text: string): boolean {
  const { analyst, ...rest } = draft;
  return JSON.stringify(rest) !== JSON.stringify(emptyDraft) || Boolean(analyst) || text !== '';
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

