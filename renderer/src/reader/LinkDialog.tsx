// The Link dialog: the relation type, then the target, best first (link-targets.ts), each row
// with the words around it. Enter takes the first row; a pair already linked says so.
import { useEffect, useMemo, useState } from 'react';
import type { Label, RelationType } from '../../../shared/schemas/schema';
import { CloseActions, Modal } from '../components/Modal';
import { call } from '../api';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { blockIndexAt } from './blocks';
import { contextOf, rankTargets, sentenceAround, type Span } from './link-targets';
import { TargetFilter, TargetList } from './TargetPicker';
import { viewedLayer } from '../state/view-layer';
import './desk.css';

interface LinkDialogProps {
  from: ReaderAnnotation;
  relationTypes: readonly RelationType[];
  labels: readonly Label[];
  /** The report's text, for the source's sentence and each row's context. */
  window: DocumentWindow;
  /** Keys "typeId toId" of the links the source already has. */
  linked: ReadonlySet<string>;
  onLink(typeId: string, to: ReaderAnnotation): void;
  /** Closes the dialog and lets the analyst click the target highlight in the text. */
  onPickInText(typeId: string): void;
  onClose(): void;
}

const maxShown = 200;
/** Targets asked of main per query, ranked here (the most a page may hold). */
const maxFetched = 500;

/** Link an annotation to another: pick the relation type, then the target, by keyboard or mouse. */
export function LinkDialog({ from, relationTypes, labels, window, linked, onLink, onPickInText, onClose }: LinkDialogProps) {
  const types = useMemo(() => relationTypes.filter((t) => t.fromLabelId === null || t.fromLabelId === from.labelId), [relationTypes, from.labelId]);
  // The first relation the source has no link of yet: a claim already attributed is next located.
  const [typeId, setTypeId] = useState(() => (types.find((t) => ![...linked].some((key) => key.startsWith(`${t.id} `))) ?? types[0])?.id ?? '');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const type = types.find((t) => t.id === typeId);
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const targets = useLinkTargets(from, type?.toLabelId ?? null, query, window);
  const isLinked = (target: ReaderAnnotation) => linked.has(`${typeId} ${target.id}`);

  if (types.length === 0) {
    return (
      <Modal title="Link annotation" onClose={onClose}>
        <p>No relation type starts from a {labelName(from.labelId)}. Add one on the Labels screen.</p>
        <CloseActions onClose={onClose} />
      </Modal>
    );
  }

  const choose = (target: ReaderAnnotation | undefined) => target && type && !isLinked(target) && onLink(type.id, target);
  return (
    <Modal title={`Link “${from.quote.length > 50 ? `${from.quote.slice(0, 50)}…` : from.quote}”`} onClose={onClose} className="link-dialog">
      <div className="fields">
        <label>
          Relation
          <select value={typeId} onChange={(e) => setTypeId(e.target.value)}>
            {types.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.toLabelId ? ` (a ${labelName(t.toLabelId)})` : ''}
              </option>
            ))}
          </select>
        </label>
        <TargetFilter label="Target" query={query} onQuery={setQuery} listId="link-targets" targets={targets} active={active} setActive={setActive} onChoose={choose} />
      </div>
      <TargetList
        listId="link-targets"
        name="Annotations to link to"
        empty={`No ${type?.toLabelId ? labelName(type.toLabelId) : ''} annotations match.`}
        targets={targets}
        active={active}
        setActive={setActive}
        onChoose={choose}
        labelName={labelName}
        taken={isLinked}
        takenNote="already linked"
      />
      <div className="dialog-actions spread">
        <button type="button" onClick={() => type && onPickInText(type.id)}>
          Pick in the text…
        </button>
        <span>
          <button type="button" onClick={onClose}>
            Cancel
          </button>{' '}
          <button type="button" className="primary" disabled={!targets[active] || isLinked(targets[active].target)} onClick={() => choose(targets[active]?.target)}>
            Link
          </button>
        </span>
      </div>
    </Modal>
  );
}

export interface ShownTarget {
  target: ReaderAnnotation;
  /** The words around the quote, when that part of the text is loaded. */
  context: { before: string; after: string } | null;
}

/**
 * The document's annotations of the target label whose quote holds the query (asked of main: a
 * long report has too many to hold), ranked by label, match and nearness to the source.
 */
export function useLinkTargets(from: ReaderAnnotation, toLabelId: string | null, query: string, window: DocumentWindow): readonly ShownTarget[] {
  const [found, setFound] = useState<readonly ReaderAnnotation[]>([]);
  useEffect(() => {
    let current = true;
    const args = { documentId: from.documentId, labelIds: toLabelId ? [toLabelId] : null, layer: viewedLayer(), quoteContains: query.trim(), offset: 0, limit: maxFetched };
    call('annotations.page', args).then(
      (page) => current && setFound(page.items.filter((a) => a.id !== from.id)),
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [from.documentId, from.id, toLabelId, query]);
  return useMemo(() => {
    const paragraphOf = (span: Span): Span => {
      const block = window.blocks[blockIndexAt(window.blocks, span.start)];
      return block ? { start: block.start, end: block.end } : span;
    };
    const paragraph = paragraphOf(from);
    const sentence = window.hasText(paragraph.start, paragraph.end)
      ? sentenceAround(window.slice(paragraph.start, paragraph.end), paragraph.start, from)
      : from;
    const ranked = rankTargets(found, { from, sentence, paragraph, allowedLabels: toLabelId ? [toLabelId] : null, query });
    return ranked.slice(0, maxShown).map(({ target }) => {
      const around = paragraphOf(target);
      const context = window.hasText(around.start, around.end) ? contextOf((s, e) => window.slice(s, e), target, around) : null;
      return { target, context };
    });
  }, [found, from, toLabelId, query, window]);
}
