// Shown beside a report whose encoding Glossa guessed: how sure it was, and a way to read the
// file again as another encoding when the text came out wrong (mojibake).
import { useId, useState } from 'react';
import { choosableEncodings } from '../../../shared/encodings';
import type { ImportedItem } from '../../../shared/schemas/library';
import { call, messageOf } from '../api';

interface Props {
  /** The report as it is now (after a re-read, the replacement). */
  item: ImportedItem;
  /** The guess made on import; null when the encoding was not guessed (then nothing is shown). */
  guess: ImportedItem['encodingGuess'];
  /** The report that replaced item (a new id), after a successful re-read. */
  onReencoded(replacement: ImportedItem): void;
}

export function ReencodeControl({ item, guess, onReencoded }: Props) {
  const chosen = item.encodingGuess === null;
  const id = useId();
  const candidates = guess ? [...guess.alternatives, ...choosableEncodings.filter((e) => !guess.alternatives.includes(e))].filter((e) => e !== item.encoding) : [];
  const [choice, setChoice] = useState(candidates[0] ?? 'utf-8');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  if (!guess) return null;

  const reread = async () => {
    setBusy(true);
    setStatus('');
    try {
      const result = await call('documents.reencode', { id: item.id, encoding: choice });
      setStatus(`Re-read as ${result.imported.encoding}.`);
      // The encoding just left is the likeliest next choice if this one is wrong too.
      if (item.encoding) setChoice(item.encoding);
      onReencoded(result.imported);
    } catch (error) {
      setStatus(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="reencode">
      <small>
        {' '}
        {chosen ? '(chosen)' : `(guessed, ${guess.confidence} % sure)`}{' '}
      </small>
      <label htmlFor={id}>Read as</label>{' '}
      <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={busy}>
        {candidates.map((encoding) => (
          <option key={encoding} value={encoding}>
            {encoding}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void reread()} disabled={busy} aria-label={`Re-read ${item.fileName} as ${choice}`}>
        Re-read
      </button>
      <span role="status" className="hint">
        {status}
      </span>
    </span>
  );
}
