// Above a report's text: the warnings its import produced (pages mostly unreadable, characters
// dropped, an encoding guessed), kept with the document. Dismissed for the rest of the session.
import { useEffect, useState } from 'react';
import type { ImportNotice } from '../../../shared/schemas/library';
import { call } from '../api';
import { bannerNotices } from './import-notice-banner';

/** Reports whose banner the analyst dismissed while the app runs. */
const dismissed = new Set<string>();

export function ImportNoticeBanner({ documentId }: { documentId: string }) {
  const [notices, setNotices] = useState<readonly ImportNotice[]>([]);
  const [hidden, setHidden] = useState(() => dismissed.has(documentId));
  useEffect(() => {
    let live = true;
    setHidden(dismissed.has(documentId));
    setNotices([]);
    call('documents.provenance', { id: documentId })
      .then((p) => live && setNotices(bannerNotices(p.notices)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [documentId]);
  if (hidden || notices.length === 0) return null;
  return (
    <div className="import-notice-banner" role="status" aria-label="Import warnings">
      <ul>
        {notices.map((n) => (
          <li key={n.code}>{n.message}</li>
        ))}
      </ul>
      <button
        type="button"
        aria-label="Dismiss the import warnings for this session"
        onClick={() => {
          dismissed.add(documentId);
          setHidden(true);
        }}
      >
        Dismiss
      </button>
    </div>
  );
}
