// One report open for annotation: its text with highlights, the toolbar for a selection, the
// annotation list, and the Link and Place dialogs.
import { useDeferredValue, useEffect, useMemo } from 'react';
import type { DocumentFull } from '../../../shared/schemas/library';
import type { Label } from '../../../shared/schemas/schema';
import type { HistoryRequest } from '../app/useNavigation';
import { formatDate } from '../library/Library';
import { Sidebar } from '../sidebar/Sidebar';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { ReaderText } from './ReaderText';
import { TagToolbar } from './TagToolbar';
import { selectionRange } from './text-selection';
import { useReaderActions } from './useReaderActions';
import { useReaderKeys } from './useReaderKeys';
import { useArcs, useBlocks } from './useReaderLayout';
import { useOpenAt, useReaderView } from './useReaderView';
import { ReaderDialogs } from './ReaderDialogs';

interface ReaderScreenProps {
  document: DocumentFull;
  initialAnnotations: readonly ReaderAnnotation[];
  labels: readonly Label[];
  /** Undo/redo requests from the menu, counted so that each one arrives once. */
  historyRequest: HistoryRequest | null;
  /** An annotation to show and select on opening (from the claims table or the map). */
  focusAnnotationId?: string;
  /** A range of the text to select on opening (a search hit), in UTF-16 units. */
  focusRange?: { start: number; end: number };
}

export function ReaderScreen({ document: doc, initialAnnotations, labels, historyRequest, focusAnnotationId, focusRange }: ReaderScreenProps) {
  const view = useReaderView();
  const { selection, setSelection, selectedId, setSelectedId, picking, setPicking, textRef } = view;
  const { annotations, analysis, labelName, tagSelection, remove, history, link, resolvePlace, clearPlace, commands } = useReaderActions(
    doc,
    initialAnnotations,
    labels,
    view,
  );

  const { blocks, byBlock } = useBlocks(doc.text, annotations);
  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  const selectedAnnotation = useMemo(() => annotations.find((a) => a.id === selectedId) ?? null, [annotations, selectedId]);
  // The list follows the text at a lower priority, so a new highlight paints first.
  const sidebarAnnotations = useDeferredValue(annotations);
  const handleKey = useReaderKeys(view, { labels, selectedAnnotation, tagSelection, history, remove });

  useEffect(() => {
    if (historyRequest) history(historyRequest.kind);
    // Each request is handled once, when its serial changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [historyRequest?.serial]);

  const arcs = useArcs(selectedId, analysis);

  useOpenAt(view, focusAnnotationId, initialAnnotations, focusRange);

  const clickAnnotation = (id: string) => {
    if (picking) {
      if (id !== picking.fromId) link(picking.typeId, picking.fromId, id);
      return;
    }
    setSelection(null);
    setSelectedId(id);
    const a = annotations.find((x) => x.id === id);
    if (a) view.setAnnouncement(`${labelName(a.labelId)}: “${a.quote}”`);
  };

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
          <p className="doc-meta">{[doc.outlet, formatDate(doc.publishedAt), doc.url].filter(Boolean).join(' · ') || doc.sourceName}</p>
        </header>
        <ReaderText
          ref={textRef}
          text={doc.text}
          blocks={blocks}
          byBlock={byBlock}
          labels={labelsById}
          selectedAnnotation={selectedAnnotation}
          flashId={view.flashId}
          selection={selection}
          onSelectionChange={(next) => {
            setSelection(next);
            if (next) setSelectedId(null);
          }}
          onAnnotationClick={clickAnnotation}
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
        hiddenLabels={view.hiddenLabels}
        selectedId={selectedId}
        analysis={analysis}
        commands={commands}
      />
      <ReaderDialogs view={view} annotations={annotations} labels={labels} analysis={analysis} link={link} resolvePlace={resolvePlace} clearPlace={clearPlace} />
      <div className="visually-hidden" aria-live="polite">
        {view.announcement}
      </div>
    </div>
  );
}
