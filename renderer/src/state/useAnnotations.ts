// The open document's annotations: held by window (DocumentWindow: the parts of the report around
// the viewport), changed through the API with every change recorded as an undoable step.
import { useMemo, useRef } from 'react';

import { call } from '../api';
import type { DocumentWindow } from './document-window';
import { historyFor, tokenStep, type UndoStep } from './undo-history';
import type { Annotation } from '../../../shared/schemas/annotate';
import type { ReaderAnnotation } from './reader-annotation';

/** What tagging many ranges did: how many were tagged, and how many already were. */
export interface TaggedMany {
  created: number;
  skipped: number;
}

interface AnnotationActions {
  create(labelId: string, start: number, end: number, quote: string): Promise<ReaderAnnotation>;
  /** Tags every range with the label in one call and one undo step (undo deletes them all). */
  createMany(labelId: string, ranges: readonly { start: number; end: number }[]): Promise<TaggedMany>;
  remove(annotation: ReaderAnnotation): Promise<void>;
  relabel(annotation: ReaderAnnotation, labelId: string): Promise<void>;
  setNote(annotation: ReaderAnnotation, note: string, mergeWithLast: boolean): Promise<void>;
  undo(): Promise<UndoStep | null>;
  redo(): Promise<UndoStep | null>;
}

const pendingPrefix = 'pending:';
let pendingCount = 0;

/** An annotation being saved: shown, but not yet editable. */
export function isPending(annotation: ReaderAnnotation): boolean {
  return annotation.id.startsWith(pendingPrefix);
}

function pendingAnnotation(documentId: string, labelId: string, start: number, end: number, quote: string): ReaderAnnotation {
  return { id: `${pendingPrefix}${++pendingCount}`, documentId, labelId, start, end, quote, note: '' };
}

export function useAnnotations(window: DocumentWindow) {
  const { documentId } = window;
  const history = historyFor(documentId);
  /** The newest note edit, so that typing pauses in one note become a single undo step. */
  const creating = useRef(new Set<Promise<unknown>>());
  const lastNoteEdit = useRef<{ id: string; from: string; step: UndoStep } | null>(null);

  const actions = useMemo<AnnotationActions>(() => {
    const put = (a: ReaderAnnotation) => window.put(a);
    const drop = (id: string) => window.drop(id);
    const putMany = (added: readonly ReaderAnnotation[]) => window.putMany(added);
    const dropMany = (ids: readonly string[]) => window.dropMany(ids);
    const update = async (id: string, patch: { labelId?: string; note?: string }) => {
      put(await call('annotations.update', { id, ...patch }));
    };
    return {
      async create(labelId, start, end, quote) {
        // Painted at once as pending; replaced by the stored annotation when the write is on disk.
        const pending = pendingAnnotation(documentId, labelId, start, end, quote);
        put(pending);
        let created: Annotation;
        const saving = call('annotations.create', { documentId, labelId, start, end });
        creating.current.add(saving);
        try {
          created = await saving;
        } finally {
          creating.current.delete(saving);
          drop(pending.id);
        }
        put(created);
        // Redo puts back what undo took away, including anything added to it in between.
        history.push(
          tokenStep(
            'tag',
            null,
            async () => {
              const removed = await call('annotations.delete', { id: created.id });
              drop(removed.id);
              return removed.undoToken;
            },
            async (token) => {
              put(await call('annotations.restore', { token: token! }));
              return null;
            },
          ),
        );
        lastNoteEdit.current = null;
        return created;
      },
      async createMany(labelId, ranges) {
        const tag = async () => {
          const result = await call('annotations.createMany', { documentId, labelId, ranges: [...ranges] });
          putMany(result.created);
          return result;
        };
        const first = await tag();
        if (first.created.length === 0) return { created: 0, skipped: first.skipped };
        // Redo tags the same ranges again (new ids); undo deletes whichever ids the last run made.
        let ids = first.created.map((a) => a.id);
        history.push({
          kind: 'tag-all',
          undo: async () => {
            const { deletedIds } = await call('annotations.deleteMany', { ids });
            dropMany(deletedIds);
          },
          redo: async () => {
            ids = (await tag()).created.map((a) => a.id);
          },
        });
        lastNoteEdit.current = null;
        return { created: first.created.length, skipped: first.skipped };
      },
      async remove(annotation) {
        const deleted = await call('annotations.delete', { id: annotation.id });
        drop(deleted.id);
        history.push(
          tokenStep(
            'delete',
            deleted.undoToken,
            async (token) => {
              put(await call('annotations.restore', { token: token! }));
              return null;
            },
            async () => {
              const again = await call('annotations.delete', { id: deleted.id });
              drop(again.id);
              return again.undoToken;
            },
          ),
        );
        lastNoteEdit.current = null;
      },
      async relabel(annotation, labelId) {
        const from = annotation.labelId;
        if (from === labelId) return;
        await update(annotation.id, { labelId });
        history.push({
          kind: 'relabel',
          undo: () => update(annotation.id, { labelId: from }),
          redo: () => update(annotation.id, { labelId }),
        });
        lastNoteEdit.current = null;
      },
      async setNote(annotation, note, mergeWithLast) {
        const previous = lastNoteEdit.current;
        const merging = mergeWithLast && previous?.id === annotation.id && history.last === previous.step;
        const from = merging ? previous.from : annotation.note;
        await update(annotation.id, { note });
        const step: UndoStep = {
          kind: 'note',
          undo: () => update(annotation.id, { note: from }),
          redo: () => update(annotation.id, { note }),
        };
        if (merging) history.replaceLast(step);
        else history.push(step);
        lastNoteEdit.current = { id: annotation.id, from, step };
      },
      // A tagging still being saved is not in the history yet: wait for it, so that Ctrl+Z
      // pressed at once undoes that tagging and not the step before it.
      undo: async () => {
        lastNoteEdit.current = null;
        await Promise.allSettled(creating.current);
        return history.undo();
      },
      redo: async () => {
        lastNoteEdit.current = null;
        await Promise.allSettled(creating.current);
        return history.redo();
      },
    };
  }, [documentId, history, window]);

  return actions;
}
