// Keys that work anywhere on the reader screen, except while typing in a field, all from the
// shortcut table (shared/shortcuts.ts): undo and redo, label hotkeys on a selection, stepping
// through annotations, type-ahead to a word, the sentence, Link, Place, attribute values on the
// selected annotation, Delete, Escape, and F6 between the text and the list.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttributeValue, Label, LabelAttribute } from '../../../shared/schemas/schema';
import { attributeKeyOf, commandOf, readerCommands, type ShortcutCommand } from '../../../shared/shortcuts';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { Analysis } from '../state/useAnalysis';
import { isTextField } from '../shortcuts';
import { stepAnnotation } from './annotation-steps';
import { onReaderCommand } from './reader-command-events';
import { selectionRange, sentenceAt, tidySpan } from './text-selection';
import type { ReaderView } from './useReaderView';
import { wordStartingWith } from './words';

/** What the keys read of a key press: a keyboard event, or one held while a tag was on its way. */
type ReaderKeyPress = Pick<globalThis.KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

interface PendingTag {
  /** Whether the store has answered (the render that selects the new annotation may still be to come). */
  landed: boolean;
  held: ReaderKeyPress[];
}

/** Type-ahead: the start of a word typed after "/" (or "?", backwards), searched from where it began. */
interface JumpState {
  typed: string;
  from: number;
  direction: 1 | -1;
}

interface ReaderKeyActions {
  window: DocumentWindow;
  labels: readonly Label[];
  analysis: Analysis;
  selectedAnnotation: ReaderAnnotation | null;
  /** Resolves to the new annotation (null when none was made); void where tagging is refused. */
  tagSelection(labelId: string): Promise<ReaderAnnotation | null> | void;
  history(kind: 'undo' | 'redo'): void;
  remove(annotation: ReaderAnnotation): void;
  setAttribute(annotation: ReaderAnnotation, attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null): void;
}

/** Returns the handler (also given to the text, which sees keys first) and the type-ahead typed so far (null when off). */
export function useReaderKeys(view: ReaderView, actions: ReaderKeyActions) {
  const { window, labels, analysis, selectedAnnotation, tagSelection, history, remove, setAttribute } = actions;
  const { selection, setSelection, selectedId, setSelectedId, picking, setPicking, setLinkFrom, setPlaceFor, setEventFor, textRef, reveal, setAnnouncement } = view;
  const [jump, setJump] = useState<JumpState | null>(null);
  // A tag on its way to the store: the keys pressed meanwhile that act on the selection or the
  // selected annotation (1 then Shift+3, or 1 then L) are held, and replayed once the new annotation is selected.
  const pendingTag = useRef<PendingTag | null>(null);

  const cursor = useCallback(
    () => (selection ? selection.focus : selectedAnnotation ? selectedAnnotation.end : (textRef.current?.firstVisibleOffset() ?? 0)),
    [selection, selectedAnnotation, textRef],
  );
  const labelName = useCallback((id: string) => labels.find((l) => l.id === id)?.name ?? id, [labels]);

  const step = useCallback(
    (direction: 1 | -1, sameLabel: boolean) => {
      const from = selection ? null : selectedAnnotation;
      const labelId = sameLabel ? (selectedAnnotation?.labelId ?? null) : null;
      stepAnnotation(window, { direction, labelId, from, offset: cursor() }).then(
        (next) => {
          if (!next) return setAnnouncement(direction === 1 ? 'No annotation after this one.' : 'No annotation before this one.');
          setSelection(null);
          reveal(next);
          setAnnouncement(`${labelName(next.labelId)}: “${next.quote}”`);
        },
        () => undefined,
      );
    },
    [window, selection, selectedAnnotation, cursor, setSelection, reveal, setAnnouncement, labelName],
  );

  const jumpTo = useCallback(
    (typed: string, from: number, direction: 1 | -1) => {
      setJump({ typed, from, direction });
      // The whole text when it is loaded (a short report), else the window around the cursor.
      const k = window.windowOfOffset(from);
      const [lo, hi] = window.hasText(0, window.length) ? [0, window.length] : [window.windowStart(k), window.windowEnd(k)];
      const found = wordStartingWith(window.slice(lo, hi), typed, from - lo, direction);
      if (found) textRef.current?.selectRange(lo + found.start, lo + found.end);
      setAnnouncement(found ? `“${window.slice(lo + found.start, lo + found.end)}”` : `No word starts with “${typed}”.`);
    },
    [window, textRef, setAnnouncement],
  );

  const toggleFocus = useCallback(() => {
    const inText = document.activeElement?.closest('.reader-scroll');
    if (!inText) return textRef.current?.focus();
    const card = document.querySelector<HTMLElement>('.sidebar .card.selected .quote') ?? document.querySelector<HTMLElement>('.sidebar .card .quote');
    card?.focus();
  }, [textRef]);

  const setAttributeByKey = useCallback(
    (annotation: ReaderAnnotation, which: 0 | 1, option: number | null): boolean => {
      const attributes = analysis.schema?.labels.find((l) => l.id === annotation.labelId)?.attributes.filter((a) => a.type === 'choice') ?? [];
      const attribute = attributes[which];
      if (!attribute || (option !== null && option >= attribute.options.length)) return false;
      const previous = analysis.values[annotation.id]?.[attribute.id] ?? null;
      const value = option === null ? null : attribute.options[option]!;
      if (value !== previous) setAttribute(annotation, attribute, value, previous);
      return true;
    },
    [analysis, setAttribute],
  );

  const perform = useCallback(
    (command: ShortcutCommand): boolean => {
      const onAnnotation = selectedAnnotation && !selection ? selectedAnnotation : null;
      switch (command) {
        case 'next-annotation':
        case 'previous-annotation':
          step(command === 'next-annotation' ? 1 : -1, false);
          return true;
        case 'next-same-label':
        case 'previous-same-label':
          step(command === 'next-same-label' ? 1 : -1, true);
          return true;
        case 'jump-to-word':
        case 'jump-back-to-word':
          // Backwards from the start of the selection or annotation, forwards from its end.
          setJump(
            command === 'jump-to-word'
              ? { typed: '', from: cursor(), direction: 1 }
              : { typed: '', from: selection ? selectionRange(selection).start : (selectedAnnotation?.start ?? cursor()), direction: -1 },
          );
          setAnnouncement('Type the start of a word; Enter or Escape ends.');
          return true;
        case 'select-sentence': {
          const at = selection ? selectionRange(selection).start : selectedAnnotation ? selectedAnnotation.start : cursor();
          const sentence = sentenceAt(window, window.blocks, at);
          if (sentence) textRef.current?.selectRange(sentence.anchor, sentence.focus);
          return sentence !== null;
        }
        case 'link-annotation':
          if (onAnnotation) setLinkFrom(onAnnotation);
          return onAnnotation !== null;
        case 'new-event': {
          // The selection becomes a new trigger; a selected span is the trigger when it is of an
          // event type, else a trigger is tagged over the same words.
          const isTrigger = onAnnotation !== null && analysis.eventTypes.some((t) => t.labelId === onAnnotation.labelId);
          const range = selection ? tidySpan(window, selectionRange(selection).start, selectionRange(selection).end) : onAnnotation;
          if (!range || range.end <= range.start) {
            setAnnouncement('Select the words that name the event (or a span), then New Event.');
            return false;
          }
          const quote = onAnnotation && !selection ? onAnnotation.quote : window.slice(range.start, range.end);
          setEventFor({ trigger: isTrigger && onAnnotation ? { annotationId: onAnnotation.id } : { start: range.start, end: range.end }, quote });
          return true;
        }
        case 'resolve-place':
          if (onAnnotation?.labelId === 'location') setPlaceFor(onAnnotation);
          return onAnnotation?.labelId === 'location';
        case 'focus-text':
          toggleFocus();
          return true;
        default:
          return false;
      }
    },
    [selectedAnnotation, selection, step, cursor, setAnnouncement, window, textRef, setLinkFrom, setPlaceFor, setEventFor, toggleFocus, analysis.eventTypes],
  );

  const handleKey = useCallback(
    (event: ReaderKeyPress): boolean => {
      const command = commandOf(event);
      if (command === 'focus-text') return perform(command);
      if (isTextField(event.target)) return false;
      if (jump && handleJumpKey(event, jump)) return true;
      if (command === 'undo' || command === 'redo') {
        history(command);
        return true;
      }
      const key = event.key;
      const label = labels.find((l) => l.hotkey !== null && l.hotkey === key);
      const attributeKey = attributeKeyOf(event);
      const pending = pendingTag.current;
      if (pending && (label || attributeKey || (command && readerCommands.has(command)) || key === 'Delete' || key === 'Backspace' || key === 'Escape')) {
        pending.held.push(event);
        return true;
      }
      if (label && selection && !event.ctrlKey && !event.metaKey && !event.altKey) {
        const tagged = tagSelection(label.id);
        if (tagged) {
          const tag: PendingTag = { landed: false, held: [] };
          pendingTag.current = tag;
          void tagged.then((created) => {
            tag.landed = true;
            // A tag that failed or made nothing: the keys held for it are dropped.
            if (!created && pendingTag.current === tag) pendingTag.current = null;
          });
        }
        return true;
      }
      const onAnnotation = selectedAnnotation && !selection ? selectedAnnotation : null;
      if (attributeKey && onAnnotation) return setAttributeByKey(onAnnotation, attributeKey.attribute, attributeKey.option);
      if (command && readerCommands.has(command)) return perform(command);
      if (event.ctrlKey || event.metaKey || event.altKey) return false;
      if (key === 'Escape' && picking) setPicking(null);
      else if (key === 'Escape' && (event.target as Element | null)?.closest?.('.sidebar')) textRef.current?.focus();
      else if (key === 'Escape' && (selection || selectedId)) {
        setSelection(null);
        setSelectedId(null);
      } else if ((key === 'Delete' || key === 'Backspace') && onAnnotation) remove(onAnnotation);
      else return false;
      return true;
    },
    // handleJumpKey reads the state named here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [labels, selection, selectedId, selectedAnnotation, tagSelection, history, remove, picking, setPicking, setSelection, setSelectedId, perform, jump, setAttributeByKey, textRef],
  );

  // The first render after a tag lands is the one that selects the new annotation: the keys held meanwhile go now.
  useEffect(() => {
    const tag = pendingTag.current;
    if (!tag?.landed) return;
    pendingTag.current = null;
    for (const press of tag.held) handleKey(press);
  });

  /** Keys while type-ahead is on: characters add to it, Backspace takes one off, Enter and Escape end it. */
  function handleJumpKey(event: ReaderKeyPress, state: JumpState): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false;
    const label = labels.find((l) => l.hotkey !== null && l.hotkey === event.key);
    if (event.key === 'Enter' || event.key === 'Escape' || event.key === 'Tab' || (label && state.typed)) {
      setJump(null);
      // A label key tags the word found, as it would any selection.
      return event.key !== 'Tab' && !label;
    }
    if (event.key === 'Backspace') {
      if (state.typed.length > 1) jumpTo(state.typed.slice(0, -1), state.from, state.direction);
      else setJump(null);
      return true;
    }
    if (event.key.length !== 1 || !/[\p{L}\p{N}'’\-]/u.test(event.key)) return false;
    jumpTo(state.typed + event.key, state.from, state.direction);
    return true;
  }

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (handleKey(event)) event.preventDefault();
    };
    window_().addEventListener('keydown', onKey);
    return () => window_().removeEventListener('keydown', onKey);
  }, [handleKey]);

  // The Annotate menu's commands.
  useEffect(() => onReaderCommand((command) => void perform(command)), [perform]);

  return { handleKey, jump: jump?.typed ?? null, perform };
}

/** The browser window (the name `window` here is the report's text). */
const window_ = () => globalThis.window;
