// "Import annotations…": choose a format, then a file (a folder for brat); see what it holds and
// which labels it lacks (offered for creation); import; read what came in and what could not
// be anchored. An archive opened from the OS or dropped (openedArchive, a token main granted)
// starts past the choice, at its plan. A doccano file that names labels by number needs a label
// map: a JSON file the analyst chooses here, whose text goes to main with the import.
import { useEffect, useState } from 'react';
import type { AnnotationImportFormat, AnnotationImportPlan, AnnotationImportReport } from '../../../shared/schemas/datasets';
import { datasetFormatTable, importableFormatList } from '../../../shared/formats';
import { call, messageOf } from '../api';
import { geoNamesSummary } from './import-report-lines';
import { CloseActions, Modal } from '../components/Modal';
import './export.css';

interface Props {
  /** The token of an archive opened from outside; the dialog reads its plan at once. */
  openedArchive?: string;
  onClose(): void;
  onImported(report: AnnotationImportReport): void;
}

export function ImportAnnotationsDialog({ openedArchive, onClose, onImported }: Props) {
  const [format, setFormat] = useState<AnnotationImportFormat>('doccano');
  const [plan, setPlan] = useState<AnnotationImportPlan | null>(null);
  const [createLabels, setCreateLabels] = useState(true);
  const [report, setReport] = useState<AnnotationImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const [labelMap, setLabelMap] = useState<{ name: string; text: string } | null>(null);
  const labelMapText = format === 'doccano' ? labelMap?.text : undefined;

  useEffect(() => {
    if (!openedArchive) return;
    let shown = true;
    setWorking(true);
    call('datasets.planOpenedArchive', { token: openedArchive })
      .then((opened) => shown && setPlan(opened))
      .catch((e) => shown && setError(messageOf(e)))
      .finally(() => shown && setWorking(false));
    return () => {
      shown = false;
    };
  }, [openedArchive]);

  const choose = async () => {
    setError(null);
    setWorking(true);
    try {
      const chosen = await call('datasets.chooseImport', labelMapText === undefined ? { format } : { format, labelMap: labelMapText });
      if (chosen.status === 'chosen') setPlan(chosen.plan);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setWorking(false);
    }
  };

  const run = async () => {
    if (!plan) return;
    setError(null);
    setWorking(true);
    try {
      const done = openedArchive
        ? await call('datasets.importOpenedArchive', { token: openedArchive, createLabels })
        : await call('datasets.importAnnotations', { format: plan.format, token: plan.token, createLabels, ...(labelMapText === undefined ? {} : { labelMap: labelMapText }) });
      setReport(done);
      onImported(done);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setWorking(false);
    }
  };

  if (report) {
    return (
      <Modal title="Annotations imported" onClose={onClose} className="import-annotations">
        <dl>
          <dt>Reports</dt>
          <dd>
            {report.documentsAdded} new · {report.documentsMatched} already in the library
          </dd>
          <dt>Annotations</dt>
          <dd>
            {report.annotationsImported} imported ({report.annotationsReanchored} re-anchored by their quote) · {report.annotationsAlreadyPresent} already there
          </dd>
          <dt>Relations</dt>
          <dd>{report.relationsImported}</dd>
          <dt>Values · places</dt>
          <dd>
            {report.attributesImported} · {report.placesImported}
          </dd>
          {(report.placesFromNormalisations ?? 0) + (report.normalisationsNotInGazetteer ?? 0) > 0 && (
            <>
              <dt>GeoNames references</dt>
              <dd>{geoNamesSummary(report)}</dd>
            </>
          )}
          {report.labelsCreated.length > 0 && (
            <>
              <dt>Created</dt>
              <dd>{report.labelsCreated.join(', ')}</dd>
            </>
          )}
        </dl>
        {report.unanchored.length > 0 && (
          <>
            <h3>{report.unanchored.length} could not be anchored (not imported)</h3>
            <ul>
              {report.unanchored.map((u, i) => (
                <li key={i}>
                  <span dir="auto">
                    {u.label} “{u.quote}”
                  </span>{' '}
                  <small>
                    {u.file}
                    {u.line !== null ? ` line ${u.line}` : ''}: {u.reason}
                  </small>
                </li>
              ))}
            </ul>
          </>
        )}
        {report.dropped.length > 0 && (
          <>
            <h3>Not imported from the file</h3>
            <ul>
              {report.dropped.map((d, i) => (
                <li key={i}>
                  {d.file}: {d.reason} ({d.count})
                </li>
              ))}
            </ul>
          </>
        )}
        {report.conflicts.length > 0 && (
          <>
            <h3>Left as they were</h3>
            <ul>
              {report.conflicts.slice(0, 100).map((c, i) => (
                <li key={i}>{c}</li>
              ))}
            </ul>
          </>
        )}
        <CloseActions onClose={onClose} />
      </Modal>
    );
  }

  return (
    <Modal title="Import annotations" onClose={onClose} className="import-annotations">
      {!plan && openedArchive ? (
        working && <p>Reading the archive…</p>
      ) : !plan ? (
        <fieldset>
          <legend>Format</legend>
          {importableFormatList.map((f) => (
            <label key={f.id} className="choice">
              <input type="radio" name="import-format" checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                <strong>{f.import.label}</strong>
                <small>{f.import.summary}</small>
              </span>
            </label>
          ))}
          {format === 'doccano' && <LabelMapChoice chosen={labelMap?.name ?? null} onChosen={setLabelMap} onError={setError} />}
        </fieldset>
      ) : (
        <>
          <p>
            <strong>{plan.path.split(/[\\/]/).pop()}</strong> holds {plan.documents} {plan.documents === 1 ? 'report' : 'reports'} with {plan.annotations} annotations.
            {labelMapText !== undefined && ` Label ids named by ${labelMap!.name}.`}
          </p>
          {plan.missingLabels.length > 0 && (
            <label className="choice">
              <input type="checkbox" checked={createLabels} onChange={(e) => setCreateLabels(e.target.checked)} />
              <span>
                <strong>Create the labels it uses that are missing: {plan.missingLabels.join(', ')}</strong>
                <small>Otherwise their annotations are left out and listed.</small>
              </span>
            </label>
          )}
        </>
      )}
      {error && <p role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        {!plan ? (
          !openedArchive && <button type="button" className="primary" disabled={working} onClick={() => void choose()}>
            {datasetFormatTable[format].target === 'folder' ? 'Choose folder…' : 'Choose file…'}
          </button>
        ) : (
          <button type="button" className="primary" disabled={working} onClick={() => void run()}>
            Import
          </button>
        )}
      </div>
    </Modal>
  );
}

/** "Label map…": a JSON file naming a doccano file's label ids, read here and sent with the import. */
function LabelMapChoice({ chosen, onChosen, onError }: { chosen: string | null; onChosen(map: { name: string; text: string } | null): void; onError(message: string): void }) {
  return (
    <div className="label-map-choice">
      <label className="button-like" title="For doccano files that give labels as numbers: a JSON object {&quot;1&quot;: &quot;Claim&quot;} or doccano's label export">
        Label map…
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Label map (names for doccano label ids)"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            if (file.size > 1_000_000) return onError(`${file.name} is over 1 MB; a label map is a small JSON file.`);
            file.text().then(
              (text) => onChosen({ name: file.name, text }),
              () => onError(`${file.name} could not be read.`),
            );
          }}
        />
      </label>{' '}
      <small aria-live="polite">{chosen ? `Label ids will be named by ${chosen}.` : 'Only for files that give labels as numbers.'}</small>
      {chosen && (
        <button type="button" className="link" onClick={() => onChosen(null)}>
          Remove
        </button>
      )}
    </div>
  );
}

