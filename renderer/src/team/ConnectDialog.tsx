// Team ▸ Connect to Team Server…: the server's address, the analyst's token, and the CA of a
// server with its own certificate. Joining fetches the team's work, so it shows its progress and
// can be cancelled; a refusal (a bad token, a server out of reach, another analyst's library)
// is said in the dialog and changes nothing.
import { useState } from 'react';
import type { Joined } from '../../../shared/schemas/team';
import { call, errorCodeOf, messageOf } from '../api';
import { Modal } from '../components/Modal';

interface ConnectDialogProps {
  serverUrl: string | null;
  onJoined(joined: Joined): void;
  onCancelSync(): Promise<void>;
  onClose(): void;
}

export function ConnectDialog({ serverUrl, onJoined, onCancelSync, onClose }: ConnectDialogProps) {
  const [url, setUrl] = useState(serverUrl ?? '');
  const [token, setToken] = useState('');
  const [ca, setCa] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [connecting, setConnecting] = useState(false);

  const connect = async () => {
    setError(null);
    setConnecting(true);
    try {
      onJoined(await call('team.connect', { url: url.trim(), token: token.trim(), ...(ca ? { ca: ca.text } : {}) }));
    } catch (failure) {
      setError(messageOf(failure) + hintFor(failure, ca !== null));
    } finally {
      setConnecting(false);
    }
  };

  const readCa = async (file: File | undefined) => {
    setError(null);
    if (!file) return setCa(null);
    const text = await file.text();
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      setCa(null);
      return setError(`${file.name} is not a PEM certificate (it should begin with -----BEGIN CERTIFICATE-----).`);
    }
    setCa({ name: file.name, text });
  };

  return (
    <Modal title="Connect to a team server" onClose={connecting ? () => void onCancelSync() : onClose}>
      <form
        aria-busy={connecting}
        onSubmit={(event) => {
          event.preventDefault();
          void connect();
        }}
      >
        <p>
          Your administrator gives you the server&rsquo;s address and a token of your own. Your library keeps working offline; your
          changes reach the team whenever you are connected.
        </p>
        <div className="fields">
          <label>
            Server address
            <input data-autofocus type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://glossa.team.example:8443" required disabled={connecting} />
          </label>
          <label>
            Token
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} required disabled={connecting} />
          </label>
          <label>
            Certificate authority (optional, for a server with its own certificate)
            <input type="file" accept=".pem,.crt,.cer" onChange={(e) => void readCa(e.target.files?.[0])} disabled={connecting} aria-describedby="connect-ca" />
          </label>
          <small id="connect-ca" className="hint">
            {ca ? `Trusting ${ca.name}.` : 'Leave empty when the server’s certificate is signed by a public authority, or for http:// on this computer.'}
          </small>
        </div>
        <p id="connect-error" className="form-error" role="alert">
          {error}
        </p>
        {connecting && (
          <p role="status" className="hint">
            Connecting and fetching the team&rsquo;s work…
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={connecting ? () => void onCancelSync() : onClose}>
            {connecting ? 'Stop' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={connecting || url.trim() === '' || token.trim() === ''}>
            Connect
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What to do in this dialog where the engine's message names the command line's way (--ca). */
function hintFor(failure: unknown, caGiven: boolean): string {
  const code = errorCodeOf(failure);
  if (code === 'SYNC_UNAVAILABLE' && /certificate/i.test(messageOf(failure)) && !caGiven) {
    return ' Choose the team’s certificate authority file below, then connect again.';
  }
  return '';
}
