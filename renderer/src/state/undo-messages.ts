// What undo and redo say, per kind of edit, naming the annotation: "Removed the Location
// “Aleppo”.", "Removed the link “Rebels said they…” located at “Aleppo”.". Pure.
import type { UndoText } from './undo-history';

/** A quote as a message shows it: its first words, cut at a word, at most about `max` characters. */
export function shortQuote(quote: string, max = 28): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return `“${flat}”`;
  const cut = flat.slice(0, max + 1);
  const atWord = cut.lastIndexOf(' ');
  return `“${(atWord > max / 2 ? cut.slice(0, atWord) : cut.slice(0, max)).replace(/[\s,;:.]+$/, '')}…”`;
}

export const undoTexts = {
  tag: (label: string, quote: string): UndoText => ({
    undone: `Removed the ${label} ${shortQuote(quote)}.`,
    redone: `Tagged ${shortQuote(quote)} as ${label} again.`,
  }),
  tagAll: (label: string, count: number): UndoText => ({
    undone: `Removed ${count.toLocaleString('en')} ${label} tags.`,
    redone: `Tagged ${count.toLocaleString('en')} as ${label} again.`,
  }),
  delete: (label: string, quote: string): UndoText => ({
    undone: `Brought back the ${label} ${shortQuote(quote)}.`,
    redone: `Deleted the ${label} ${shortQuote(quote)} again.`,
  }),
  relabel: (quote: string, from: string, to: string): UndoText => ({
    undone: `${shortQuote(quote)} is a ${from} again.`,
    redone: `${shortQuote(quote)} is a ${to} again.`,
  }),
  note: (quote: string): UndoText => ({
    undone: `Put back the note on ${shortQuote(quote)}.`,
    redone: `Changed the note on ${shortQuote(quote)} again.`,
  }),
  attribute: (name: string, quote: string, previous: string | null, value: string | null): UndoText => ({
    undone: previous === null ? `Cleared the ${name} of ${shortQuote(quote)}.` : `Set the ${name} of ${shortQuote(quote)} back to ${previous}.`,
    redone: value === null ? `Cleared the ${name} of ${shortQuote(quote)} again.` : `Set the ${name} of ${shortQuote(quote)} to ${value} again.`,
  }),
  link: (from: string, type: string, to: string): UndoText => ({
    undone: `Removed the link ${shortQuote(from)} ${type} ${shortQuote(to)}.`,
    redone: `Linked ${shortQuote(from)} ${type} ${shortQuote(to)} again.`,
  }),
  unlink: (from: string, type: string, to: string): UndoText => ({
    undone: `Linked ${shortQuote(from)} ${type} ${shortQuote(to)} again.`,
    redone: `Removed the link ${shortQuote(from)} ${type} ${shortQuote(to)} again.`,
  }),
  place: (place: string, quote: string): UndoText => ({
    undone: `Removed the place ${place} from ${shortQuote(quote)}.`,
    redone: `Put the place ${place} on ${shortQuote(quote)} again.`,
  }),
  placeRemoval: (place: string, quote: string): UndoText => ({
    undone: `Put the place ${place} back on ${shortQuote(quote)}.`,
    redone: `Removed the place ${place} from ${shortQuote(quote)} again.`,
  }),
  event: (type: string, trigger: string): UndoText => ({
    undone: `Removed the ${type} event ${shortQuote(trigger)}.`,
    redone: `Made ${shortQuote(trigger)} a ${type} event again.`,
  }),
  eventRemoval: (type: string, trigger: string): UndoText => ({
    undone: `Brought back the ${type} event ${shortQuote(trigger)}.`,
    redone: `Deleted the ${type} event ${shortQuote(trigger)} again.`,
  }),
  eventType: (trigger: string, from: string, to: string): UndoText => ({
    undone: `The event ${shortQuote(trigger)} is a ${from} again.`,
    redone: `The event ${shortQuote(trigger)} is a ${to} again.`,
  }),
  role: (role: string, quote: string, trigger: string): UndoText => ({
    undone: `Removed the ${role} ${shortQuote(quote)} from the event ${shortQuote(trigger)}.`,
    redone: `Made ${shortQuote(quote)} the ${role} of the event ${shortQuote(trigger)} again.`,
  }),
  roleRemoval: (role: string, quote: string, trigger: string): UndoText => ({
    undone: `Made ${shortQuote(quote)} the ${role} of the event ${shortQuote(trigger)} again.`,
    redone: `Removed the ${role} ${shortQuote(quote)} from the event ${shortQuote(trigger)} again.`,
  }),
  roleOrder: (role: string, trigger: string): UndoText => ({
    undone: `Moved the ${role} of the event ${shortQuote(trigger)} back.`,
    redone: `Moved the ${role} of the event ${shortQuote(trigger)} again.`,
  }),
};
