// The team as the window sees it: the status, the running sync's progress (the `team-sync`
// event), which team dialog is open, and the Team menu's commands.
import { useCallback, useEffect, useState } from 'react';
import type { SyncActivity, TeamState } from '../../../shared/schemas/team';
import type { ShortcutCommand } from '../../../shared/shortcuts';
import { call, messageOf, onAppEvent } from '../api';
import { resultText } from './team-text';

export type TeamDialog = 'connect' | 'status' | 'conflicts' | 'leave';

export const teamCommands: ReadonlySet<ShortcutCommand> = new Set(['team-connect', 'team-sync-now', 'team-automatic', 'team-status', 'team-conflicts', 'team-leave']);

const refreshEveryMs = 20_000;

export interface TeamOptions {
  notify(text: string, kind?: 'info' | 'error'): void;
  /** A sync brought in changes: screens showing the library reload it. */
  received(): void;
}

export function useTeam({ notify, received }: TeamOptions) {
  const [state, setState] = useState<TeamState | null>(null);
  const [activity, setActivity] = useState<SyncActivity | null>(null);
  const [dialog, setDialog] = useState<TeamDialog | null>(null);

  const refresh = useCallback(async () => {
    try {
      setState(await call('team.status', {}));
    } catch {
      // A damaged store answers nothing: the team stays as last shown.
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), refreshEveryMs);
    const stop = onAppEvent((event) => {
      if (event.name !== 'team-sync') return;
      setActivity(event.payload);
      if (event.payload.running) return;
      void refresh();
      if ((event.payload.result?.pulled ?? 0) > 0) received();
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [refresh, received]);

  const syncNow = useCallback(async () => {
    try {
      notify(resultText(await call('team.syncNow', {})));
    } catch (error) {
      notify(messageOf(error), 'error');
    }
  }, [notify]);

  const setAutomatic = useCallback(
    async (automatic: boolean) => {
      try {
        setState(await call('team.setAutomatic', { automatic }));
      } catch (error) {
        notify(messageOf(error), 'error');
      }
    },
    [notify],
  );

  const cancel = useCallback(async () => {
    await call('team.cancel', {});
  }, []);

  const perform = (command: ShortcutCommand) => {
    const joined = state?.joined ?? false;
    switch (command) {
      case 'team-connect':
        return setDialog('connect');
      case 'team-sync-now':
        if (!joined) return notify('This library is not in a team: Team ▸ Connect to Team Server… joins one.', 'error');
        return void syncNow();
      case 'team-automatic':
        if (!joined) return notify('This library is not in a team: Team ▸ Connect to Team Server… joins one.', 'error');
        return void setAutomatic(!state!.automatic);
      case 'team-status':
        return setDialog('status');
      case 'team-conflicts':
        return setDialog('conflicts');
      case 'team-leave':
        if (!joined) return notify('This library is not in a team.', 'error');
        return setDialog('leave');
      default:
        return undefined;
    }
  };

  return { state, activity, dialog, setDialog, refresh, syncNow, setAutomatic, cancel, perform };
}

export type TeamApi = ReturnType<typeof useTeam>;
