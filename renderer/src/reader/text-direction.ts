// The reading direction of a text, told by its first strongly directional letter (as the
// browser does for `unicode-bidi: plaintext` and `dir="auto"`), and what the arrow keys mean in it.
import type { CursorMove } from './text-selection';

export type TextDirection = 'ltr' | 'rtl';

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms.
const rtlLetter = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]|\uD802[\uDC00-\uDFFF]|\uD803[\uDC00-\uDE7F]|\uD83A[\uDC00-\uDFFF]|\uD83B[\uDC00-\uDEFF]/;

export function textDirection(text: string): TextDirection {
  const first = /\p{L}/u.exec(text);
  return first && rtlLetter.test(first[0]) ? 'rtl' : 'ltr';
}

const moves: Record<string, CursorMove> = {
  ArrowRight: 'next',
  ArrowLeft: 'previous',
  ArrowDown: 'down',
  ArrowUp: 'up',
  Home: 'home',
  End: 'end',
};

/** The cursor move a key makes in a paragraph beginning with `paragraph`; null for other keys. */
export function arrowMoveFor(key: string, paragraph: string): CursorMove | null {
  const move = moves[key];
  if (!move) return null;
  if (textDirection(paragraph) === 'rtl' && (move === 'next' || move === 'previous')) return move === 'next' ? 'previous' : 'next';
  return move;
}
