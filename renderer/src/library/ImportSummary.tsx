import { useState } from 'react';
import type { ImportedItem, ImportReport } from '../../../shared/schemas/library';
import { Modal } from '../components/Modal';
import { ImportNotices } from './ImportNotices';
import { ReencodeControl } from './ReencodeControl';

/** What an import did, file by file: nothing is skipped silently. */
interface Props {
  report: ImportReport;
  onClose(): void;
  onOpen(id: string): void;
  /** A report was re-read in another encoding (it has a new id): the library must refresh. */
  onReencoded(): void;
}

export function ImportSummary({ report, onClose, onOpen, onReencoded }: Props) {
  const { duplicates, failed, skipped, cancelled } = report;
  const warned = report.imported.filter((item) => item.notices.some((n) => n.kind === 'warning')).length;
  // A re-read report has a new id and an encoding that was chosen, not guessed; its row keeps
  // the first guess, so the analyst can choose again.
  const [imported, setImported] = useState<ImportedItem[]>(report.imported);
  const replace = (index: number, replacement: ImportedItem) => {
    setImported((items) => items.map((item, i) => (i === index ? replacement : item)));
    onReencoded();
  };
  return (
    <Modal title={cancelled ? 'Import cancelled' : 'Import finished'} onClose={onClose} className="import-summary">
      <p>
        {imported.length} imported · {duplicates.length} already in the library · {failed.length} could not be imported
        {skipped.length > 0 && ` · ${skipped.length} skipped`}
        {warned > 0 && ` · ${warned} with warnings`}
      </p>
      {cancelled && <p className="hint">The import was cancelled: the reports listed as imported are in the library; the rest were not read.</p>}
      {imported.length > 0 && (
        <section>
          <h3>Imported</h3>
          <ul>
            {imported.map((item, index) => (
              <li key={report.imported[index]!.id}>
                <button type="button" className="link" onClick={() => onOpen(item.id)}>
                  {item.title}
                </button>{' '}
                <small>
                  {item.fileName} · {item.format}
                  {item.encoding ? `, ${item.encoding}` : ''}
                </small>
                <ReencodeControl item={item} guess={report.imported[index]!.encodingGuess} onReencoded={(replacement) => replace(index, replacement)} />
                <ImportNotices notices={item.notices} title={item.title} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {duplicates.length > 0 && (
        <section>
          <h3>Already in the library</h3>
          <ul>
            {duplicates.map((item) => (
              <li key={item.fileName}>
                {item.fileName} <small>same text as “{item.title}”</small>
              </li>
            ))}
          </ul>
        </section>
      )}
      {failed.length > 0 && (
        <section>
          <h3>Not imported</h3>
          <ul className="failures">
            {failed.map((item) => (
              <li key={item.fileName}>
                <FailureReason fileName={item.fileName} reason={item.reason} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {skipped.length > 0 && (
        <section>
          <h3>Skipped (not a report format)</h3>
          <ul>
            {skipped.map((item) => (
              <li key={item.fileName}>
                {item.fileName} <small>{item.reason}</small>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}

/** Reasons usually begin with the file's name; show it once, in bold. */
function FailureReason({ fileName, reason }: { fileName: string; reason: string }) {
  if (reason.startsWith(fileName)) {
    return (
      <>
        <strong>{fileName}</strong>
        {reason.slice(fileName.length)}
      </>
    );
  }
  return (
    <>
      <strong>{fileName}</strong>: {reason}
    </>
  );
}
