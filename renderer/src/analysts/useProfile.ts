// The profile dialog's state: shown once on the first run (until a name is saved), and on demand.
import { useEffect, useState } from 'react';
import type { Profile } from '../../../shared/schemas/analysts';
import { call } from '../api';

export function useProfile(): { profile: Profile | null; editing: 'first-run' | 'edit' | null; edit(): void; close(): void } {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [editing, setEditing] = useState<'first-run' | 'edit' | null>(null);
  useEffect(() => {
    call('analysts.profile', {}).then(
      (p) => {
        setProfile(p);
        // A read-only store cannot keep a name: it is asked when the store can be written.
        if (!p.confirmed && !p.readOnly) setEditing('first-run');
      },
      () => undefined,
    );
  }, []);
  return {
    profile,
    editing,
    edit: () =>
      void call('analysts.profile', {}).then(
        (p) => {
          setProfile(p);
          setEditing('edit');
        },
        () => undefined,
      ),
    close: () => {
      setEditing(null);
      void call('analysts.profile', {}).then(setProfile, () => undefined);
    },
  };
}
