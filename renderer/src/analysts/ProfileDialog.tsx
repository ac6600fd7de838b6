// The analyst's profile: the name others see on their annotations. Asked once on the first run
// (the OS user's name filled in) and from File ▸ Analyst Profile…; the id never changes.
import { useState } from 'react';
import { call, messageOf } from '../api';
import { Modal } from '../components/Modal';
import { reloadAnalystNames } from './analyst-names';

export function ProfileDialog({ name, firstRun, onClose }: { name: string; firstRun: boolean; onClose(): void }) {
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('analysts.saveProfile', { name: value });
      await reloadAnalystNames();
      onClose();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  return (
    <Modal title={firstRun ? 'Who is annotating?' : 'Analyst profile'} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p>Your name goes on every annotation you make, so colleagues can tell your layer from theirs when you exchange archives.</p>
        <label>
          Your name
          <input data-autofocus value={value} maxLength={80} onChange={(event) => setValue(event.target.value)} aria-invalid={error !== null} aria-describedby="profile-error" />
        </label>
        <p id="profile-error" className="form-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {firstRun ? 'Later' : 'Cancel'}
          </button>
          <button type="submit" className="primary" disabled={value.trim() === ''}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
