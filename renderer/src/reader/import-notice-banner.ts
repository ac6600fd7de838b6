// Which of a report's stored import notices the reader's banner shows: the warnings (pages
// mostly unreadable, ligatures without Unicode, a guessed encoding) and dropped control
// characters. Running headers and page numbers left out are in the details panel only.
import type { ImportNotice } from '../../../shared/schemas/library';

const alsoShown = new Set(['control-characters']);

export function bannerNotices(notices: readonly ImportNotice[]): ImportNotice[] {
  return notices.filter((n) => n.kind === 'warning' || alsoShown.has(n.code));
}
