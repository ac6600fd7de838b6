// The reader's edits: tagging, deleting, relabelling, notes, attributes, links and places, and
// undo/redo. Each one runs, tells screen readers what happened, and reports a failure.
import { useCallback, useMemo } from 'react';
import type { DocumentMeta } from '../../../shared/schemas/library';
import type { Label } from '../../../shared/schemas/schema';
import { messageOf } from '../api';
import { useNotices } from '../components/Notices';
import type { ReaderCommands } from '../sidebar/reader-commands';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { changesAnnotationSet, historyFor, stepMessage } from '../state/undo-history';
import { undoTexts } from '../state/undo-messages';
import { useAnalysis } from '../state/useAnalysis';
import { useAnnotations } from '../state/useAnnotations';
import { shortcutLabel } from '../shortcuts';
import { selectionRange, tidySpan } from './text-selection';
import { useAnalysisEdits, type EditRunner } from './useAnalysisEdits';
import { useEventActions } from '../state/useEventActions';
import { useEventEdits } from './useEventEdits';
import type { ReaderView } from './useReaderView';

export function useReaderActions(doc: DocumentMeta, window: DocumentWindow, labels: readonly Label[], view: ReaderView) {
  const { notify } = useNotices();
  const actions = useAnnotations(window);
  const reportError = useCallback((error: unknown) => notify(messageOf(error), 'error'), [notify]);
  const { analysis, actions: analysisActions } = useAnalysis(doc.id, reportError);
  const { selection, setSelection, selectedId, setSelectedId, setAnnouncement, setLinkFrom, setPlaceFor, setPicking, reveal, toggleLabel } = view;
  const labelName = useCallback((id: string) => labels.find((l) => l.id === id)?.name ?? id, [labels]);
  const undoHistory = historyFor(doc.id);

  const run = useCallback<EditRunner>(
    async (work: () => Promise<string | void>) => {
      try {
        const message = await work();
        if (message) setAnnouncement(message);
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [notify, setAnnouncement],
  );

  /** Tags the selection; resolves to the new annotation (null when nothing was tagged) so keys pressed meanwhile can wait for it. */
  const tagSelection = useCallback(
    (labelId: string): Promise<ReaderAnnotation | null> => {
      if (!selection) return Promise.resolve(null);
      const range = selectionRange(selection);
      const { start, end } = tidySpan(window, range.start, range.end);
      setSelection(null);
      // Until the new annotation lands, nothing is selected: a key meant for it must not reach the one selected before.
      setSelectedId(null);
      if (end <= start) return Promise.resolve(null);
      let tagged: ReaderAnnotation | null = null;
      return run(async () => {
        const created = await actions.create(labelId, start, end, window.slice(start, end));
        undoHistory.describeLast('tag', undoTexts.tag(labelName(labelId), created.quote));
        setSelectedId(created.id);
        tagged = created;
        return `Tagged “${created.quote}” as ${labelName(labelId)}.`;
      }).then(() => tagged);
    },
    [selection, setSelection, setSelectedId, actions, run, labelName, window, undoHistory],
  );

  /** Tag all, from the find bar: one call, one undo step; ranges already tagged with the label are skipped. */
  const tagMany = useCallback(
    (labelId: string, ranges: { start: number; end: number }[]) =>
      void run(async () => {
        const { created, skipped } = await actions.createMany(labelId, ranges);
        undoHistory.describeLast('tag-all', undoTexts.tagAll(labelName(labelId), created));
        const message = `Tagged ${created.toLocaleString('en')} as ${labelName(labelId)}${skipped ? `, ${skipped.toLocaleString('en')} already tagged` : ''}.`;
        notify(message);
        return message;
      }),
    [actions, run, labelName, notify, undoHistory],
  );

  const remove = useCallback(
    (annotation: ReaderAnnotation) =>
      void run(async () => {
        await actions.remove(annotation);
        undoHistory.describeLast('delete', undoTexts.delete(labelName(annotation.labelId), annotation.quote));
        await analysisActions.reload();
        if (selectedId === annotation.id) setSelectedId(null);
        return `Deleted the ${labelName(annotation.labelId)} “${annotation.quote}”. Undo with ${shortcutLabel('undo')}.`;
      }),
    [actions, analysisActions, run, selectedId, setSelectedId, labelName, undoHistory],
  );
  const relabel = useCallback(
    (annotation: ReaderAnnotation, labelId: string) =>
      void run(async () => {
        await actions.relabel(annotation, labelId);
        undoHistory.describeLast('relabel', undoTexts.relabel(annotation.quote, labelName(annotation.labelId), labelName(labelId)));
        return `Changed to ${labelName(labelId)}.`;
      }),
    [actions, run, labelName, undoHistory],
  );
  const setNote = useCallback(
    (annotation: ReaderAnnotation, note: string, merge: boolean) =>
      run(async () => {
        await actions.setNote(annotation, note, merge);
        undoHistory.describeLast('note', undoTexts.note(annotation.quote));
      }),
    [actions, run, undoHistory],
  );

  const history = useCallback(
    (kind: 'undo' | 'redo') =>
      void run(async () => {
        const step = await (kind === 'undo' ? actions.undo() : actions.redo());
        if (!step) return kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
        // Undoing a deletion brings back its values, links and place too.
        if (changesAnnotationSet(step.kind)) await analysisActions.reload();
        notify(stepMessage(step, kind));
      }),
    [actions, analysisActions, run, notify],
  );

  const onLinked = useCallback((message: string) => notify(message, 'info', { label: 'Undo', run: () => history('undo') }), [notify, history]);
  const quoteOf = useCallback((id: string) => window.find(id)?.quote ?? '', [window]);
  const { setAttribute, link, unlink, resolvePlace, clearPlace } = useAnalysisEdits(analysisActions, analysis, { run, view, history: undoHistory, quoteOf, onLinked });
  const events = useEventEdits(useEventActions(window, undoHistory, analysisActions.setEvents), analysis, { run, view, history: undoHistory });

  // Anything done from the list ends picking a link target in the text: the next click on a
  // highlight is then a selection, never a link nobody meant.
  const commands = useMemo<ReaderCommands>(() => {
    const ending =
      <A extends unknown[], R>(command: (...args: A) => R) =>
      (...args: A): R => {
        setPicking(null);
        return command(...args);
      };
    return {
      reveal: ending(reveal),
      relabel: ending(relabel),
      remove: ending(remove),
      setNote: ending(setNote),
      setAttribute: ending(setAttribute),
      startLink: ending(setLinkFrom),
      unlink: ending(unlink),
      choosePlace: ending(setPlaceFor),
      toggleLabel: ending(toggleLabel),
      startRole: ending(events.startRole),
      removeRole: ending(events.removeRole),
      moveRole: ending(events.moveRole),
      changeEventType: ending(events.changeType),
      removeEvent: ending(events.remove),
    };
  }, [reveal, relabel, remove, setNote, setAttribute, setLinkFrom, unlink, setPlaceFor, toggleLabel, setPicking, events]);

  return { analysis, labelName, tagSelection, tagMany, remove, history, link, resolvePlace, clearPlace, commands, events };
}
