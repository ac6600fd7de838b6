// One report open for annotation: its text with highlights, the toolbar for a selection, the
// annotation list, and the Link and Place dialogs.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
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
import { FindBar } from './FindBar';
import { hitsByBlock, type Hit } from './find-hits';
import { TagAllPanel } from './TagAllPanel';
import { useFind, type FindRequest } from './useFind';

interface ReaderScreenProps {
  document: DocumentFull;
  initialAnnotations: readonly ReaderAnnotation[];
  labels: readonly Label[];
  /** Undo/redo requests from the menu, counted so that each one arrives once. */
  historyRequest: HistoryRequest | null;
  /** An annotation to show and select on opening (from the claims table or the map). */
  focusAnnotationId?: string;
  /** Find, Find Next and Find Previous from the menu or the keyboard. */
  findRequest?: FindRequest | null;
}

const noBlockHits: readonly (readonly Hit[])[] = [];

export function ReaderScreen({ document: doc, initialAnnotations, labels, historyRequest, focusAnnotationId, findRequest }: ReaderScreenProps) {
  const view = useReaderView();
  const { selection, setSelection, selectedId, setSelectedId, picking, setPicking, textRef } = view;
  const { annotations, analysis, labelName, tagSelection, tagMany, remove, history, link, resolvePlace, clearPlace, commands } = useReaderActions(
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

  const find = useFind(doc.id, () => textRef.current?.firstVisibleOffset() ?? 0);
  const [tagAllOpen, setTagAllOpen] = useState(false);
  /** A request made before this reader opened was for another one. */
  const handledFind = useRef(findRequest?.serial);
  useEffect(() => {
    if (!findRequest || findRequest.serial === handledFind.current) return;
    handledFind.current = findRequest.serial;
    // A short selection on one line becomes the query, as in a browser.
    const picked = selection ? doc.text.slice(selectionRange(selection).start, selectionRange(selection).end) : '';
    find.request(findRequest.kind, picked.length <= 200 && !picked.includes('\n') ? picked : undefined);
    // Each request is handled once, when its serial changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [findRequest?.serial]);
  const findHits = useMemo(
    () => (find.open && find.matches ? hitsByBlock(blocks, find.matches.starts, find.matches.ends) : noBlockHits),
    [find.open, find.matches, blocks],
  );
  const closeFind = () => {
    find.close();
    setTagAllOpen(false);
    textRef.current?.focus();
  };
  const textSlice = useCallback((start: number, end: number) => doc.text.slice(Math.max(0, start), Math.min(doc.text.length, end)), [doc.text]);

  useOpenAt(view, focusAnnotationId, initialAnnotations);

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
        {find.open && <FindBar find={find} onClose={closeFind} onTagAll={() => setTagAllOpen((shown) => !shown)} tagAllOpen={tagAllOpen} />}
        {find.open && tagAllOpen && find.matches && find.matches.starts.length > 0 && (
          <TagAllPanel
            matches={find.matches}
            labels={labels}
            textSlice={textSlice}
            onClose={() => setTagAllOpen(false)}
            onTag={(labelId, ranges) => {
              setTagAllOpen(false);
              tagMany(labelId, ranges);
            }}
          />
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
          findHits={findHits}
          currentMatch={find.open ? find.current : null}
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
