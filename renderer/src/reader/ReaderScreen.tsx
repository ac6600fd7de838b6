// One report open for annotation: its text with highlights (loaded by window around the
// viewport), the toolbar for a selection, the annotation list, and the Link and Place dialogs.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DocumentMeta } from '../../../shared/schemas/library';
import type { Label } from '../../../shared/schemas/schema';
import type { HistoryRequest } from '../app/useNavigation';
import { formatDate } from '../library/Library';
import { Sidebar } from '../sidebar/Sidebar';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { blockIndexAt } from './blocks';
import { placeOf, rememberPlace, showPlace } from './reader-place';
import { ReaderText, type ScrollPlace } from './ReaderText';
import { TagToolbar } from './TagToolbar';
import { selectionRange } from './text-selection';
import { useReaderActions } from './useReaderActions';
import { useReaderKeys } from './useReaderKeys';
import { useArcs } from './useReaderLayout';
import { useOpenAt, useReaderView } from './useReaderView';
import { ReaderDialogs } from './ReaderDialogs';
import { PickBanner } from './PickBanner';
import { ImportNoticeBanner } from './ImportNoticeBanner';
import { showAll, statusPaint, type StatusFilter } from './status-filter';
import { FindBar } from './FindBar';
import { hitsByBlock, type Hit } from './find-hits';
import { TagAllPanel } from './TagAllPanel';
import { useFind, type FindRequest } from './useFind';
import { describeAnnotation } from './annotation-description';
import { textDirection } from './text-direction';
import { LayerBar } from '../analysts/LayerBar';
import { CompareView } from '../analysts/CompareView';
import { useLayerView } from '../state/view-layer';

interface ReaderScreenProps {
  document: DocumentMeta;
  window: DocumentWindow;
  labels: readonly Label[];
  /** Undo/redo requests from the menu, counted so that each one arrives once. */
  historyRequest: HistoryRequest | null;
  /** An annotation to show and select on opening (from the claims table or the map). */
  focus?: ReaderAnnotation;
  /** A range of the text to select on opening (a search hit), in UTF-16 units. */
  focusRange?: { start: number; end: number };
  /** Find, Find Next and Find Previous from the menu or the keyboard. */
  findRequest?: FindRequest | null;
  /** Another layer was chosen: the report opens again showing it. */
  onLayerChange?(): void;
}

const noBlockHits: readonly (readonly Hit[])[] = [];

export function ReaderScreen({ document: doc, window, labels, historyRequest, focus, focusRange, findRequest, onLayerChange }: ReaderScreenProps) {
  const layerView = useLayerView();
  // Another analyst's layer (or gold) is shown read-only: tagging would go to my layer, unseen.
  const readOnlyLayer = layerView.layer !== null;
  // Coming back to a report finds it as it was left, unless something in it is to be shown.
  const place = useMemo(() => (focus || focusRange ? undefined : placeOf(doc.id)), [doc.id, focus, focusRange]);
  const view = useReaderView(place);
  const { selection, setSelection, selectedId, setSelectedId, picking, setPicking, textRef } = view;
  const version = useSyncExternalStore(window.subscribe, () => window.version);
  const [edits, setEdits] = useState(0);
  useEffect(() => window.subscribeEdits(() => setEdits((n) => n + 1)), [window]);
  const actions = useReaderActions(doc, window, labels, view);
  const { analysis, labelName, tagMany, remove, history, link, resolvePlace, clearPlace, commands, events } = actions;
  const tagSelection = readOnlyLayer ? () => view.setAnnouncement('This layer is read-only: choose your own layer to tag.') : actions.tagSelection;

  const labelsById = useMemo(() => new Map(labels.map((l) => [l.id, l])), [labels]);
  // Event types tag triggers through New Event (Shift+E), which makes the event too.
  const spanLabels = useMemo(() => labels.filter((l) => !analysis.eventTypes.some((t) => t.labelId === l.id)), [labels, analysis.eventTypes]);
  const [statusFilter, setStatusFilter] = useState<StatusFilter>(showAll);
  const painting = useMemo(
    () => statusPaint(statusFilter, analysis.schema?.labels ?? [], labelsById, (id, attributeId) => analysis.values[id]?.[attributeId]),
    [statusFilter, analysis.schema, analysis.values, labelsById],
  );
  const { revealed } = view;
  const selectedAnnotation = useMemo(
    () => (selectedId ? (window.find(selectedId) ?? (revealed?.id === selectedId ? revealed : null)) : null),
    // The window's content changes with its version.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [selectedId, revealed, window, version],
  );
  const { handleKey, jump, perform } = useReaderKeys(view, { window, labels, analysis, selectedAnnotation, tagSelection, history, remove, setAttribute: commands.setAttribute });

  useEffect(() => {
    if (historyRequest) history(historyRequest.kind);
    // Each request is handled once, when its serial changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [historyRequest?.serial]);

  const arcs = useArcs(selectedId, analysis);
  const selectedDescription = useMemo(
    () => (selectedAnnotation ? describeAnnotation(selectedAnnotation, analysis, labelName, (id) => window.find(id)?.quote) : null),
    [selectedAnnotation, analysis, labelName, window],
  );
  // The title and its line follow the direction of the report's text (an Arabic report reads from the right).
  const direction = textDirection(window.slice(0, Math.min(window.length, 400)) || doc.title);

  // Opening a report puts the keyboard in its text, so a screen reader starts reading there.
  useEffect(() => {
    textRef.current?.focus();
    // Once per report.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.id]);

  const find = useFind(doc.id, () => textRef.current?.firstVisibleOffset() ?? 0);
  const [tagAllOpen, setTagAllOpen] = useState(false);
  /** A request made before this reader opened was for another one. */
  const handledFind = useRef(findRequest?.serial);
  useEffect(() => {
    if (!findRequest || findRequest.serial === handledFind.current) return;
    handledFind.current = findRequest.serial;
    // A short selection on one line becomes the query, as in a browser.
    const picked = selection ? window.slice(selectionRange(selection).start, selectionRange(selection).end) : '';
    find.request(findRequest.kind, picked.length <= 200 && !picked.includes('\n') ? picked : undefined);
    // Each request is handled once, when its serial changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [findRequest?.serial]);
  const findHits = useMemo(
    () => (find.open && find.matches ? hitsByBlock(window.blocks, find.matches.starts, find.matches.ends) : noBlockHits),
    [find.open, find.matches, window],
  );
  const closeFind = () => {
    find.close();
    setTagAllOpen(false);
    textRef.current?.focus();
  };
  // Context for Tag all's list: from the loaded windows (a match far away shows without it).
  const textSlice = useCallback((start: number, end: number) => window.slice(Math.max(0, start), Math.min(window.length, end)), [window]);

  useOpenAt(view, focus, focusRange);

  // Where the view is, kept as it scrolls; remembered with the selection when the reader closes.
  const initialPlace = useMemo<ScrollPlace | undefined>(() => {
    if (place) return place;
    const start = focus?.start ?? focusRange?.start;
    if (start === undefined) return undefined;
    const block = blockIndexAt(window.blocks, start);
    return { block, within: 0, offset: window.blocks[block]?.start ?? 0 };
  }, [place, focus, focusRange, window]);
  const placeRef = useRef<ScrollPlace | null>(initialPlace ?? null);
  const selectionRef = useRef({ selection, selectedId });
  selectionRef.current = { selection, selectedId };
  useEffect(() => {
    const here = () => ({ ...(placeRef.current ?? { block: 0, within: 0, offset: 0 }), ...selectionRef.current });
    const hide = showPlace(doc.id, here);
    return () => {
      rememberPlace(doc.id, here());
      hide();
    };
  }, [doc.id]);

  const clickAnnotation = (id: string) => {
    const a = window.find(id);
    if (picking) {
      if (picking.kind === 'role') {
        if (a) events.addRole(picking.eventId, picking.role, a);
      } else if (id !== picking.from.id && a) link(picking.typeId, picking.from, a);
      return;
    }
    setSelection(null);
    setSelectedId(id);
    if (a) view.setAnnouncement(`${labelName(a.labelId)}: “${a.quote}”`);
  };

  const quote = selection ? window.slice(selectionRange(selection).start, selectionRange(selection).end) : '';
  return (
    <div className="reader-screen">
      <section className={`reader-pane${picking ? ' linking' : ''}`} aria-labelledby="doc-title">
        {picking && <PickBanner picking={picking} relationTypes={analysis.schema?.relationTypes ?? []} labels={labels} onCancel={() => setPicking(null)} />}
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
        <header className="doc-header" dir={direction}>
          <h1 id="doc-title">{doc.title}</h1>
          <p className="doc-meta">{[doc.outlet, formatDate(doc.publishedAt), doc.url].filter(Boolean).join(' · ') || doc.sourceName}</p>
        </header>
        <ImportNoticeBanner documentId={doc.id} />
        <LayerBar documentId={doc.id} edits={edits} onChange={() => onLayerChange?.()} />
        {layerView.compareWith.length > 0 && (
          <CompareView documentId={doc.id} length={window.length} shown={layerView.layer} others={layerView.compareWith} labels={labels} />
        )}
        {layerView.compareWith.length === 0 && <ReaderText
          ref={textRef}
          window={window}
          version={version}
          labels={painting?.labels ?? labelsById}
          paint={painting?.paint}
          selectedAnnotation={selectedAnnotation}
          flashId={view.flashId}
          selection={selection}
          onSelectionChange={(next) => {
            // A click on plain text or a new selection ends picking a link target.
            setPicking(null);
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
          initialPlace={initialPlace}
          placeRef={placeRef}
          selectedDescription={selectedDescription}
        />}
        {jump !== null && (
          <div className="type-ahead" role="status">
            Jump to: <strong>{jump || '…'}</strong>
          </div>
        )}
        {selection && !readOnlyLayer && (
          <TagToolbar
            labels={spanLabels}
            quote={quote}
            onNewEvent={analysis.eventTypes.length > 0 ? () => perform('new-event') : undefined}
            onTag={(labelId) => {
              tagSelection(labelId);
              textRef.current?.focus();
            }}
          />
        )}
      </section>
      <Sidebar
        window={window}
        labels={labels}
        hiddenLabels={view.hiddenLabels}
        selectedId={selectedId}
        analysis={analysis}
        commands={commands}
        statusFilter={statusFilter}
        onStatusFilter={setStatusFilter}
      />
      <ReaderDialogs view={view} window={window} labels={labels} analysis={analysis} link={link} resolvePlace={resolvePlace} clearPlace={clearPlace} events={events} />
      <div className="visually-hidden" aria-live="polite">
        {view.announcement}
      </div>
    </div>
  );
}
