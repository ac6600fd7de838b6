// The library's selection as pure functions: which row is active, which reports are selected,
// and the anchor a Shift range runs from. Ids are kept (not indexes), so a selection survives a
// new sort or a refresh; ranges between indexes are resolved to ids by the caller.

export interface Selection {
  /** Ids of the selected reports. */
  ids: ReadonlySet<string>;
  /** The index a Shift range starts from. */
  anchor: number;
}

export const noSelection: Selection = { ids: new Set(), anchor: 0 };

/** Plain click: only this report. */
export function selectOnly(id: string, index: number): Selection {
  return { ids: new Set([id]), anchor: index };
}

/** Ctrl/Cmd click or Space: this report in or out; the anchor moves to it. */
export function toggle(selection: Selection, id: string, index: number): Selection {
  const ids = new Set(selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { ids, anchor: index };
}

/** Shift: the range from the anchor to index (ids in list order), added to what Ctrl kept when `keep`. */
export function selectRange(selection: Selection, rangeIds: readonly string[], keep: boolean): Selection {
  const ids = new Set(keep ? selection.ids : []);
  for (const id of rangeIds) ids.add(id);
  return { ids, anchor: selection.anchor };
}

/** The first and last index of the range from the anchor to index. */
export function rangeBounds(anchor: number, index: number): { offset: number; limit: number } {
  const first = Math.min(anchor, index);
  return { offset: first, limit: Math.abs(index - anchor) + 1 };
}

/** Drops ids that are gone (deleted reports). */
export function without(selection: Selection, gone: readonly string[]): Selection {
  if (!gone.some((id) => selection.ids.has(id))) return selection;
  const ids = new Set(selection.ids);
  for (const id of gone) ids.delete(id);
  return { ids, anchor: selection.anchor };
}

/** Type-ahead: the first index at or after `from` (wrapping) whose title starts with the typed text, folded. */
export function typeAheadMatch(titles: readonly (string | undefined)[], typed: string, from: number): number | null {
  const prefix = fold(typed);
  if (prefix === '' || titles.length === 0) return null;
  for (let step = 0; step < titles.length; step++) {
    const i = (from + step) % titles.length;
    const title = titles[i];
    if (title !== undefined && fold(title).startsWith(prefix)) return i;
  }
  return null;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase().trimStart();
}
