import { useEffect, useState } from 'react';
import type { DocumentMeta, DocumentProvenance, DocumentUpdate } from '../../../shared/schemas/library';
import { call } from '../api';
import { Modal } from '../components/Modal';
import { ImportNotices } from './ImportNotices';

interface DocumentDetailsProps {
  document: DocumentMeta;
  onSave(update: DocumentUpdate): Promise<void>;
  onDelete(): void;
  onClose(): void;
}

/** Edit what the import could not know (or got wrong): title, outlet, author, date, URL, tags. */
export function DocumentDetails({ document: doc, onSave, onDelete, onClose }: DocumentDetailsProps) {
  const [title, setTitle] = useState(doc.title);
  const [outlet, setOutlet] = useState(doc.outlet ?? '');
  const [author, setAuthor] = useState(doc.author ?? '');
  const [publishedAt, setPublishedAt] = useState(doc.publishedAt ?? '');
  const [url, setUrl] = useState(doc.url ?? '');
  const [tags, setTags] = useState(doc.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [provenance, setProvenance] = useState<DocumentProvenance | null>(null);
  useEffect(() => {
    let live = true;
    call('documents.provenance', { id: doc.id })
      .then((p) => live && setProvenance(p))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [doc.id]);

  const submit = async () => {
    setSaving(true);
    try {
      await onSave({
        id: doc.id,
        title: title.trim(),
        outlet: outlet.trim() || null,
        author: author.trim() || null,
        publishedAt: publishedAt.trim() || null,
        url: url.trim() || null,
        tags: tags
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean),
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="Report details" onClose={onClose} className="details-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div className="fields">
          <label>
            Title
            <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={500} />
          </label>
          <label>
            Outlet
            <input value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="e.g. Meridian Wire" />
          </label>
          <label>
            Author
            <input value={author} onChange={(e) => setAuthor(e.target.value)} />
          </label>
          <label>
            Published
            <input value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} placeholder="YYYY-MM-DD" />
          </label>
          <label>
            URL
            <input value={url} onChange={(e) => setUrl(e.target.value)} inputMode="url" />
          </label>
          <label>
            Tags
            <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="comma-separated, e.g. north, offensive" />
          </label>
        </div>
        <p className="hint small">
          Imported {new Date(doc.importedAt).toLocaleString()}
          {doc.sourceName ? ` from ${doc.sourceName}` : ''}
          {doc.sourceFormat ? ` (${doc.sourceFormat}${doc.encoding ? `, ${doc.encoding}` : ''})` : ''}.
        </p>
        {provenance && provenance.notices.length > 0 && (
          <section aria-labelledby="details-notices">
            <h3 id="details-notices">What the import said</h3>
            <ImportNotices notices={provenance.notices} title={doc.title} />
          </section>
        )}
        {provenance?.sourceRecord && (
          <section aria-labelledby="details-source-record">
            <h3 id="details-source-record">Source record</h3>
            <p className="hint small">What the dataset record said about itself; exports write it back.</p>
            <pre className="source-record" tabIndex={0} aria-labelledby="details-source-record">
              {JSON.stringify(provenance.sourceRecord, null, 2)}
            </pre>
          </section>
        )}
        <div className="dialog-actions spread">
          {confirmDelete ? (
            <span className="confirm-delete" role="alert">
              Delete this report and its annotations?{' '}
              <button type="button" className="danger" onClick={onDelete}>
                Delete
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="danger-outline" onClick={() => setConfirmDelete(true)}>
              Delete report…
            </button>
          )}
          <span>
            <button type="button" onClick={onClose}>
              Cancel
            </button>{' '}
            <button type="submit" className="primary" disabled={saving}>
              Save
            </button>
          </span>
        </div>
      </form>
    </Modal>
  );
}
