import { useEffect, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/schemas/library';
import type { Label } from '../../../shared/schemas/schema';
import type { DatasetExportOptions, DatasetFormat, DatasetPreview } from '../../../shared/schemas/datasets';
import type { LayerSummary } from '../../../shared/schemas/analysts';
import { call, messageOf } from '../api';
import { Modal } from '../components/Modal';
import { datasetFormatList, datasetFormatTable } from '../../../shared/formats';
import { hasUnitChoice } from './formats';
import './export.css';

/** What the dialog asks for: datasets.exportDialog's arguments. */
export type ExportChoice = DatasetExportOptions;

interface ExportDialogProps {
  initialFormat: DatasetFormat;
  /** The open document, when there is one: offered as a scope. */
  openDocument: { id: string; title: string } | null;
  /** The reports selected in the library: "Selected reports" starts with them. */
  librarySelection: readonly string[];
  onExport(choice: ExportChoice): void;
  onClose(): void;
}

type Scope = 'corpus' | 'selected' | 'document';

/** How many reports the "Selected reports" list offers to tick (the library's selection may hold more). */
const choiceListSize = 500;

export function ExportDialog({ initialFormat, openDocument, librarySelection, onExport, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<DatasetFormat>(initialFormat);
  const [scope, setScope] = useState<Scope>(openDocument ? 'document' : librarySelection.length > 0 ? 'selected' : 'corpus');
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [libraryTotal, setLibraryTotal] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(openDocument ? [openDocument.id] : librarySelection));
  const [labels, setLabels] = useState<Label[]>([]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [utf16, setUtf16] = useState(false);
  const [layers, setLayers] = useState<LayerSummary[]>([]);
  const [layer, setLayer] = useState('all');
  const [preview, setPreview] = useState<DatasetPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const info = datasetFormatTable[format];
  const unitChoice = hasUnitChoice(info);

  useEffect(() => {
    // The library's list, by title, one page of it; the library's selection is ticked in it.
    void call('documents.query', { sort: { key: 'title', direction: 'asc' }, limit: choiceListSize })
      .then((page) => {
        setLibraryTotal(page.total);
        setDocuments(page.rows);
      })
      .catch(() => undefined);
    void call('labels.list', {}).then(setLabels).catch(() => undefined);
    void call('layers.list', {}).then(setLayers).catch(() => undefined);
  }, []);

  const choice = useMemo<ExportChoice | null>(() => {
    const c: ExportChoice = { format };
    if (scope === 'document' && openDocument) c.documentId = openDocument.id;
    if (scope === 'selected') {
      if (selected.size === 0) return null;
      c.documentIds = [...selected];
    }
    if (excluded.size > 0) {
      const kept = labels.filter((l) => !excluded.has(l.id)).map((l) => l.id);
      if (kept.length === 0) return null;
      c.labels = kept;
    }
    if (utf16 && unitChoice) c.offsetUnit = 'utf16';
    if (layer !== 'all') c.layer = layer;
    return c;
  }, [format, scope, openDocument, selected, excluded, labels, utf16, unitChoice, layer]);

  useEffect(() => {
    if (!choice) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      call('datasets.preview', choice)
        .then((p) => live && (setPreview(p), setPreviewError(null)))
        .catch((error) => live && (setPreview(null), setPreviewError(messageOf(error))));
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [choice]);

  const toggle = (set: ReadonlySet<string>, id: string): Set<string> => {
    const next = new Set(set);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  };

  return (
    <Modal title="Export annotations" onClose={onClose} className="export-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (choice) onExport(choice);
        }}
      >
        <div className="export-grid">
          <fieldset className="formats">
            <legend>Format</legend>
            {datasetFormatList.map((f) => (
              <label key={f.id} className="choice">
                <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
                <span>
                  <strong>{f.label}</strong>
                  <small>{f.summary}</small>
                </span>
              </label>
            ))}
          </fieldset>
          <div>
            <fieldset>
              <legend>What to export</legend>
              <label className="choice">
                <input type="radio" name="scope" checked={scope === 'corpus'} onChange={() => setScope('corpus')} />
                <span>
                  <strong>The whole library</strong>
                  <small>
                    {libraryTotal.toLocaleString()} {libraryTotal === 1 ? 'report' : 'reports'}
                  </small>
                </span>
              </label>
              <label className="choice">
                <input type="radio" name="scope" checked={scope === 'selected'} onChange={() => setScope('selected')} disabled={format === 'geojson'} />
                <span>
                  <strong>Selected reports</strong>
                  <small>{scope === 'selected'
                      ? `${selected.size.toLocaleString()} chosen${librarySelection.length > 0 ? ' (the library’s selection)' : ' below'}`
                      : librarySelection.length > 0
                        ? `The ${librarySelection.length.toLocaleString()} selected in the library.`
                        : 'Choose some reports of the library.'}</small>
                </span>
              </label>
              {scope === 'selected' && (
                <div className="choice-list" role="group" aria-label="Reports to export">
                  {documents.map((d) => (
                    <label key={d.id}>
                      <input type="checkbox" checked={selected.has(d.id)} onChange={() => setSelected((s) => toggle(s, d.id))} />
                      <span dir="auto">{d.title}</span>
                    </label>
                  ))}
                </div>
              )}
              <label className="choice">
                <input type="radio" name="scope" disabled={!openDocument} checked={scope === 'document'} onChange={() => setScope('document')} />
                <span>
                  <strong>This report only</strong>
                  <small>{openDocument ? openDocument.title : 'Open a report to export it alone.'}</small>
                </span>
              </label>
            </fieldset>
            <fieldset>
              <legend>Labels</legend>
              <div className="label-filter">
                {labels.map((l) => (
                  <label key={l.id}>
                    <input type="checkbox" checked={!excluded.has(l.id)} onChange={() => setExcluded((s) => toggle(s, l.id))} />
                    <span className="swatch" style={{ background: l.color }} aria-hidden="true" />
                    {l.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset>
              <legend>Layer</legend>
              <label className="choice">
                <span>Whose annotations</span>
                <select value={layer} onChange={(e) => setLayer(e.target.value)}>
                  <option value="all">All layers, each annotation with its analyst</option>
                  {layers.map((l) => (
                    <option key={l.layer} value={l.layer}>
                      {l.mine ? `My layer (${l.name})` : l.layer === 'gold' ? 'Gold (adjudicated)' : `${l.name}’s layer`} — {l.count}
                    </option>
                  ))}
                </select>
              </label>
            </fieldset>
            <fieldset>
              <legend>Offsets</legend>
              <label className="choice">
                <input type="checkbox" checked={utf16 && unitChoice} disabled={!unitChoice} onChange={(e) => setUtf16(e.target.checked)} />
                <span>
                  <strong>UTF-16 offsets</strong>
                  <small>
                    {unitChoice
                      ? 'For JavaScript tools. Default: Unicode code points, as Python counts them; each span also keeps its quote.'
                      : 'This format has a fixed unit (see the preview).'}
                  </small>
                </span>
              </label>
            </fieldset>
            <section className="export-preview" aria-label="Preview">
              {previewError ? (
                <p role="alert">{previewError}</p>
              ) : !choice ? (
                <p>Choose at least one report and one label.</p>
              ) : preview ? (
                <>
                  <p>
                    <strong>
                      {preview.annotations.toLocaleString()} {preview.annotations === 1 ? 'annotation' : 'annotations'} from {preview.documents.toLocaleString()}{' '}
                      {preview.documents === 1 ? 'report' : 'reports'}
                    </strong>{' '}
                    · offsets: {preview.offsetUnit}
                  </p>
                  <p className="note">{preview.note}</p>
                  {preview.records.length === 0 ? <p>Nothing to export.</p> : preview.records.map((r, i) => (
                      // Focusable so that a record wider than the dialog can be scrolled from the keyboard.
                      <pre key={i} tabIndex={0}>
                        {r}
                      </pre>
                    ))}
                </>
              ) : (
                <p>Preparing the preview…</p>
              )}
            </section>
          </div>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!choice}>
            {info.target === 'folder' ? 'Choose folder and export…' : 'Choose file and export…'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
