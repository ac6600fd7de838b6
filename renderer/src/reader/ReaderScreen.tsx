import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DocumentFull } from '../../../shared/schemas/library';
import type { AttributeValue, Label, LabelAttribute } from '../../../shared/schemas/schema';
import type { Relation } from '../../../shared/schemas/annotate';
import type { PlaceResolve } from '../../../shared/schemas/places';
import { messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { formatDate } from '../library/Library';
import { Sidebar } from '../sidebar/Sidebar';
import { useAnalysis } from '../state/useAnalysis';
import { useAnnotations } from '../state/useAnnotations';
import { LinkDialog } from './LinkDialog';
import { PlaceDialog } from './PlaceDialog';
import type { Arc } from './RelationArcs';
import { splitBlocks } from './blocks';
import { ReaderText, type ReaderTextHandle } from './ReaderText';
import { updateAnnotationsByBlock } from './segments';
import { TagToolbar } from './TagToolbar';
import { selectionRange, type TextSelection } from './text-selection';
import type { ReaderAnnotation } from '../state/reader-annotation';

interface ReaderScreenProps {
  document: DocumentFull;
  initialAnnotations: readonly ReaderAnnotation[];
  labels: readonly Label[];
  /** Undo/redo requests from the menu, counted so that each one arrives once. */
  historyRequest: { kind: 'undo' | 'redo'; serial: number } | null;
  onChanged(): void;
  /** An annotation to show and select on opening (from the claims table or the map). */
  focusAnnotationId?: string;
}

const flashMs = 1400;

export function ReaderScreen({ document: doc, initialAnnotations, labels, historyRequest, onChanged, focusAnnotationId }: ReaderScreenProps) {
  const { notify } = useNotices();
  const { annotations, actions } = useAnnotations(doc.id, initialAnnotations);
  const reportError = useCallback((error: unknown) => notify(messageOf(error), 'error'), [notify]);
  const { analysis, actions: analysisActions } = useAnalysis(doc.id, reportError);
  /** The annotation whose Link dialog is open; then, with a type chosen, waiting for a click on the target. */
  const [linkFrom, setLinkFrom] = useState<ReaderAnnotation | null>(null);
  const [picking, setPicking] = useState<{ fromId: string; typeId: string } | null>(null);
  const [placeFor, setPlaceFor] = useState<ReaderAnnotation | null>(null);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [flashId, setFlashId] = useState<string | null>(null);
  const [hiddenLabels, setHiddenLabels] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const textRef = useRef<ReaderTextHandle>(null);

  const blocks = useMemo(() => splitBlocks(doc.text), [doc.text]);
  const previousByBlock = useRef<ReaderAnnotation[][] | null>(null);
  const byBlock = useMemo(() => {
    previousByBlock.current = updateAnnotationsByBlock(previousByBlock.current, blocks, annotations);
    return previousByBlock.current;
  }, [blocks, annotations]);
  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const selectedAnnotation = useMemo(() => annotations.find((a) => a.id === selectedId) ?? null, [annotations, selectedId]);
  // The list follows the text at a lower priority, so a new highlight paints first.
  const sidebarAnnotations = useDeferredValue(annotations);
  const labelName = useCallback((id: string) => labelsById.get(id)?.name ?? id, [labelsById]);

  const run = useCallback(
    async (work: () => Promise<string | void>) => {
      try {
        const message = await work();
        if (message) setAnnouncement(message);
        onChanged();
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [notify, onChanged],
  );

  const tagSelection = useCallback(
    (labelId: string) => {
      if (!selection) return;
      const { start, end } = selectionRange(selection);
      setSelection(null);
      void run(async () => {
        const created = await actions.create(labelId, start, end, doc.text.slice(start, end));
        setSelectedId(created.id);
        return `Tagged “${created.quote}” as ${labelName(labelId)}.`;
      });
    },
    [selection, actions, run, labelName, doc.text],
  );

  const remove = useCallback(
    (annotation: ReaderAnnotation) =>
      void run(async () => {
        await actions.remove(annotation);
        await analysisActions.reload();
        if (selectedId === annotation.id) setSelectedId(null);
        return `Deleted the ${labelName(annotation.labelId)} “${annotation.quote}”. Undo with Ctrl+Z.`;
      }),
    [actions, analysisActions, run, selectedId, labelName],
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

  const toggleLabel = useCallback(
    (id: string) =>
      setHiddenLabels((hidden) => {
        const next = new Set(hidden);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  const reveal = useCallback((annotation: ReaderAnnotation) => {
    setSelectedId(annotation.id);
    setFlashId(annotation.id);
    textRef.current?.reveal(annotation);
  }, []);
  useEffect(() => {
    if (!flashId) return;
    const timer = setTimeout(() => setFlashId(null), flashMs);
    return () => clearTimeout(timer);
  }, [flashId]);

  const history = useCallback(
    (kind: 'undo' | 'redo') =>
      void run(async () => {
        const step = await (kind === 'undo' ? actions.undo() : actions.redo());
        if (!step) return kind === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.';
        // Undoing a deletion brings back its values, links and place too.
        if (step.description === 'tagging' || step.description === 'deletion') await analysisActions.reload();
        notify(`${kind === 'undo' ? 'Undid' : 'Redid'} ${step.description}.`);
      }),
    [actions, analysisActions, run, notify],
  );

  useEffect(() => {
    if (historyRequest) history(historyRequest.kind);
    // Each request is handled once, when its serial changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [historyRequest?.serial]);

  const setAttribute = useCallback(
    (annotation: ReaderAnnotation, attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null) =>
      void run(async () => {
        await analysisActions.setAttribute(annotation.id, attribute.id, value, previous);
        return `${attribute.name}: ${value === null ? 'cleared' : String(value)}.`;
      }),
    [analysisActions, run],
  );
  const link = useCallback(
    (typeId: string, fromId: string, toId: string) =>
      void run(async () => {
        setLinkFrom(null);
        setPicking(null);
        const relation = await analysisActions.link(typeId, fromId, toId);
        const type = analysis.schema?.relationTypes.find((t) => t.id === relation.typeId);
        const to = annotations.find((a) => a.id === toId);
        setSelectedId(fromId);
        return `Linked: ${type?.name ?? 'related to'} “${to?.quote ?? ''}”.`;
      }),
    [analysisActions, run, analysis.schema, annotations],
  );
  const unlink = useCallback((relation: Relation) => void run(() => analysisActions.unlink(relation)), [analysisActions, run]);
  const resolvePlace = useCallback(
    (request: PlaceResolve) =>
      void run(async () => {
        await analysisActions.resolvePlace(request);
        setPlaceFor(null);
        return 'Place saved.';
      }),
    [analysisActions, run],
  );
  const clearPlace = useCallback(
    (annotationId: string) =>
      void run(async () => {
        await analysisActions.clearPlace(annotationId);
        setPlaceFor(null);
        return 'Place removed.';
      }),
    [analysisActions, run],
  );

  // The selected annotation's links, drawn over the text.
  const arcs = useMemo<Arc[]>(() => {
    if (!selectedId) return [];
    const typeName = (id: string) => analysis.schema?.relationTypes.find((t) => t.id === id)?.name ?? '';
    return analysis.relations
      .filter((r) => r.fromId === selectedId || r.toId === selectedId)
      .map((r) => ({ id: r.id, fromId: r.fromId, toId: r.toId, label: typeName(r.typeId) }));
  }, [selectedId, analysis]);

  // Opening at an annotation (from the claims table or the map).
  useEffect(() => {
    const target = focusAnnotationId ? initialAnnotations.find((a) => a.id === focusAnnotationId) : undefined;
    if (!target) return;
    setSelectedId(target.id);
    setFlashId(target.id);
    // After the first layout, so the virtualiser knows its sizes.
    requestAnimationFrame(() => textRef.current?.reveal(target));
  }, [focusAnnotationId, initialAnnotations]);

  // Keys that work anywhere on the reader screen, except while typing in a field.
  const handleKey = useCallback(
    (event: globalThis.KeyboardEvent | KeyboardEvent): boolean => {
      const target = event.target as HTMLElement;
      if (target.closest('input, textarea, select')) return false;
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'z') {
        history(event.shiftKey ? 'redo' : 'undo');
        return true;
      }
      if (mod && event.key.toLowerCase() === 'y') {
        history('redo');
        return true;
      }
      if (mod || event.altKey) return false;
      const label = labels.find((l) => l.hotkey !== null && l.hotkey === event.key);
      if (label && selection) {
        tagSelection(label.id);
        return true;
      }
      if (event.key === 'Escape' && picking) {
        setPicking(null);
        return true;
      }
      if ((event.key === 'l' || event.key === 'L') && selectedAnnotation && !selection) {
        setLinkFrom(selectedAnnotation);
        return true;
      }
      if ((event.key === 'p' || event.key === 'P') && selectedAnnotation && !selection && selectedAnnotation.labelId === 'location') {
        setPlaceFor(selectedAnnotation);
        return true;
      }
      if (event.key === 'Escape' && (selection || selectedId)) {
        setSelection(null);
        setSelectedId(null);
        return true;
      }
      if ((event.key === 'Delete' || event.key === 'Backspace') && selectedAnnotation && !selection) {
        remove(selectedAnnotation);
        return true;
      }
      return false;
    },
    [labels, selection, selectedId, selectedAnnotation, tagSelection, history, remove, picking],
  );

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (handleKey(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handleKey]);

  const quote = selection ? doc.text.slice(selectionRange(selection).start, selectionRange(selection).end) : '';
  return (
    <div className="reader-screen">
      <section className={`reader-pane${picking ? ' linking' : ''}`} aria-labelledby="doc-title">
        {picking && (
          <div className="link-banner" role="status">
            <span>Click the highlight to link to. Escape cancels.</span>
            <button type="button" onClick={() => setPicking(null)}>
              Cancel
            </button>
          </div>
        )}
        <header className="doc-header">
          <h1 id="doc-title">{doc.title}</h1>
          <p className="doc-meta">
            {[doc.outlet, formatDate(doc.publishedAt), doc.url].filter(Boolean).join(' · ') || doc.sourceName}
          </p>
        </header>
        <ReaderText
          ref={textRef}
          text={doc.text}
          blocks={blocks}
          byBlock={byBlock}
          labels={labelsById}
          selectedAnnotation={selectedAnnotation}
          flashId={flashId}
          selection={selection}
          onSelectionChange={(next) => {
            setSelection(next);
            if (next) setSelectedId(null);
          }}
          onAnnotationClick={(id) => {
            if (picking) {
              if (id !== picking.fromId) link(picking.typeId, picking.fromId, id);
              return;
            }
            setSelection(null);
            setSelectedId(id);
            const a = annotations.find((x) => x.id === id);
            if (a) setAnnouncement(`${labelName(a.labelId)}: “${a.quote}”`);
          }}
          arcs={arcs}
          onKeyCommand={(event) => {
            const handled = handleKey(event);
            if (handled) event.stopPropagation();
            return handled;
          }}
        />
        {selection && (
          <TagToolbar
            labels={labels}
            quote={quote}
            onTag={(labelId) => {
              tagSelection(labelId);
              textRef.current?.focus();
            }}
          />
        )}
      </section>
      <Sidebar
        annotations={sidebarAnnotations}
        labels={labels}
        hiddenLabels={hiddenLabels}
        selectedId={selectedId}
        onToggleLabel={toggleLabel}
        onSelect={reveal}
        onRelabel={relabel}
        onDelete={remove}
        onNote={setNote}
        analysis={analysis}
        onAttribute={setAttribute}
        onLink={setLinkFrom}
        onUnlink={unlink}
        onPlace={setPlaceFor}
      />
      {linkFrom && analysis.schema && (
        <LinkDialog
          from={linkFrom}
          annotations={annotations}
          relationTypes={analysis.schema.relationTypes}
          labels={labels}
          onLink={(typeId, toId) => link(typeId, linkFrom.id, toId)}
          onPickInText={(typeId) => {
            setPicking({ fromId: linkFrom.id, typeId });
            setLinkFrom(null);
          }}
          onClose={() => setLinkFrom(null)}
        />
      )}
      {placeFor && (
        <PlaceDialog
          annotation={placeFor}
          current={analysis.places[placeFor.id]}
          onResolve={resolvePlace}
          onClear={() => clearPlace(placeFor.id)}
          onClose={() => setPlaceFor(null)}
        />
      )}
      <div className="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}
