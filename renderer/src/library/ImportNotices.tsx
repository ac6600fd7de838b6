// Under an imported report in the import summary: what was dropped from it (with counts) and
// what was read badly (pages named), so nothing is lost silently.
import type { ImportNotice } from '../../../shared/schemas/library';

export function ImportNotices({ notices, title }: { notices: readonly ImportNotice[]; title: string }) {
  if (notices.length === 0) return null;
  return (
    <ul className="import-notices" aria-label={`Notes on “${title}”`}>
      {notices.map((notice) => (
        <li key={notice.code} className={notice.kind === 'warning' ? 'warning' : undefined}>
          {notice.kind === 'warning' ? <strong>Warning: </strong> : null}
          {notice.message}
        </li>
      ))}
    </ul>
  );
}
