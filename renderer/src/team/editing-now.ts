// Whether the analyst is in the middle of something that reloading the open report would lose:
// typing in a field, or a dialog open over the reader. Changes from the team then wait for a click.
export function editingNow(doc: Document = document): boolean {
  const active = doc.activeElement;
  if (active instanceof HTMLElement && (active.isContentEditable || active.matches('input, textarea, select'))) return true;
  return doc.querySelector('[role="dialog"], [role="alertdialog"], dialog[open]') !== null;
}
