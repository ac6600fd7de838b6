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
import { changesAnnotationSet, undoStepNames } from '../state/undo-history';
import { useAnalysis } from '../state/useAnalysis';
import { useAnnotations } from '../state/useAnnotations';
import { shortcutLabel } from '../shortcuts';
import { selectionRange } from './text-selection';
import { useAnalysisEdits, type EditRunner } from './useAnalysisEdits';
import type { ReaderView } from './useReaderView';

export function useReaderActions(doc: DocumentMeta, window: DocumentWindow, labels: readonly Label[], view: ReaderView) {
  const { notify } = useNotices();
  const actions = useAnnotations(window);
  const reportError = useCallback((error: unknown) => notify(messageOf(error), 'error'), [notify]);
  const { analysis, actions: analysisActions } = useAnalysis(doc.id, reportError);
  const { selection, setSelection, selectedId, setSelectedId, setAnnouncement, setLinkFrom, setPlaceFor, reveal, toggleLabel } = view;
  const labelName = useCallback((id: string) => labels.find((l) => l.id === id)?.name ?? id, [labels]);

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

  const tagSelection = useCallback(
    (labelId: string) => {
      if (!selection) return;
      const { start, end } = selectionRange(selection);
      setSelection(null);
      void run(async () => {
        const created = await actions.create(labelId, start, end, window.slice(start, end));
        setSelectedId(created.id);
        return `Tagged “${created.quote}” as ${labelName(labelId)}.`;
      });
    },
    [selection, setSelection, setSelectedId, actions, run, labelName, window],
  );

  /** Tag all, from the find bar: one call, one undo step; ranges already tagged with the label are skipped. */
  const tagMany = useCallback(
    (labelId: string, ranges: { start: number; end: number }[]) =>
      void run(async () => {
        const { created, skipped } = await actions.createMany(labelId, ranges);
        const message = `Tagged ${created.toLocaleString('en')} as ${labelName(labelId)}${skipped ? `, ${skipped.toLocaleString('en')} already tagged` : ''}.`;
        notify(message);
        return message;
      }),
    [actions, run, labelName, notify],
  );

  const remove = useCallback(
    (annotation: ReaderAnnotation) =>
      void run(async () => {
        await actions.remove(annotation);
        await analysisActions.reload();
        if (selectedId === annotation.id) setSelectedId(null);
        return `Deleted the ${labelName(annotation.labelId)} “${annotation.quote}”. Undo with ${shortcutLabel('undo')}.`;
      }),
    [actions, analysisActions, run, selectedId, setSelectedId, labelName],
  );
  const relabel = useCallback(
    (annotation: ReaderAnnotation, labelId: string) =>
      void run(async () => {
        await actions.relabel(annotation, labelId);
        return `Changed to ${labelName(labelId)}.`;
      }),
    [actions, run, labelName],
  );
  const setNote = useCallback(
    (annotation: ReaderAnnotation, note: string, merge: boolean) => run(() => actions.setNote(annotation, note, merge)),
    [actions, run],
  );

  const history = useCallback(
    (kind: 'undo' | 'redo') =>
      void run(async () => {
        const step = await (kind === 'undo' ? actions.undo() : actions.redo());
        if (!step) return kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
        // Undoing a deletion brings back its values, links and place too.
        if (changesAnnotationSet(step.kind)) await analysisActions.reload();
        notify(`${kind === 'undo' ? 'Undid' : 'Redid'} ${undoStepNames[step.kind]}.`);
      }),
    [actions, analysisActions, run, notify],
  );

  const { setAttribute, link, unlink, resolvePlace, clearPlace } = useAnalysisEdits(analysisActions, analysis, run, view);

  const commands = useMemo<ReaderCommands>(
    () => ({ reveal, relabel, remove, setNote, setAttribute, startLink: setLinkFrom, unlink, choosePlace: setPlaceFor, toggleLabel }),
    [reveal, relabel, remove, setNote, setAttribute, setLinkFrom, unlink, setPlaceFor, toggleLabel],
  );

  return { analysis, labelName, tagSelection, tagMany, remove, history, link, resolvePlace, clearPlace, commands };
}
