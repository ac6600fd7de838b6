// Maps between DOM positions in the reader and offsets in the document's text. Every piece of
// text in the reader sits in an element with data-s (its start offset) and is its only child.

export function pointToOffset(node: Node, offset: number): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = node.parentElement?.closest<HTMLElement>('[data-s]');
    return segment ? Number(segment.dataset.s) + offset : null;
  }
  if (!(node instanceof Element)) return null;
  const segment = node.closest<HTMLElement>('[data-s]');
  if (segment) return Number(segment.dataset.s) + (offset > 0 ? segment.textContent!.length : 0);
  // A position between children: take the start of the child after it, or the end of the one before.
  const after = node.childNodes[offset];
  const first = after instanceof Element ? firstSegment(after) : null;
  if (first) return Number(first.dataset.s);
  const before = node.childNodes[offset - 1];
  const last = before instanceof Element ? lastSegment(before) : null;
  if (last) return Number(last.dataset.s) + last.textContent!.length;
  return null;
}

function firstSegment(element: Element): HTMLElement | null {
  return element.matches('[data-s]') ? (element as HTMLElement) : element.querySelector<HTMLElement>('[data-s]');
}

function lastSegment(element: Element): HTMLElement | null {
  if (element.matches('[data-s]')) return element as HTMLElement;
  const all = element.querySelectorAll<HTMLElement>('[data-s]');
  return all.length ? all[all.length - 1]! : null;
}

/**
 * Finds the text node and offset inside it for a text offset, if that part is rendered. At a
 * boundary between two segments, preferEnd picks the end of the earlier one.
 */
export function offsetToPoint(root: HTMLElement, offset: number, preferEnd: boolean): { node: Node; offset: number } | null {
  let boundary: HTMLElement | null = null;
  // Only the blocks on screen are rendered, so this scans a few hundred segments at most.
  for (const el of root.querySelectorAll<HTMLElement>('[data-s]')) {
    const start = Number(el.dataset.s);
    const end = start + el.textContent!.length;
    if (offset < start) break;
    if (offset > end) continue;
    if (preferEnd || offset < end) return pointIn(el, offset);
    boundary = el;
  }
  return boundary ? pointIn(boundary, offset) : null;
}

function pointIn(segment: HTMLElement, offset: number): { node: Node; offset: number } | null {
  return segment.firstChild ? { node: segment.firstChild, offset: offset - Number(segment.dataset.s) } : null;
}
