// Screenshots of the Team menu's screens over a real team server (a throwaway PostgreSQL): the
// Connect dialog, the top bar's indicator with a conflict waiting, Team Status, Review Conflicts
// and Leave.
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { updateDocument } from '../../electron/services/library/documents';
import { syncEngine } from '../../electron/services/team/sync-engine';
import { startSession } from '../harness/harness';
import { AppPage } from '../e2e/pages/app-page';
import { TeamPage } from '../e2e/pages/team-page';
import { joinedColleague, startTeamServer } from '../e2e/team-server';

async function shot(page: Page, outDir: string, name: string, written: string[]): Promise<void> {
  const file = path.join(outDir, name);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))));
  await page.screenshot({ path: file });
  written.push(file);
}

export async function teamScreens(browser: Browser, outDir: string, written: string[]): Promise<void> {
  const server = await startTeamServer('screenshots_team');
  const session = await startSession(browser);
  try {
    const alice = await server.addAnalyst('Alice Moreau');
    const bob = await server.addAnalyst('Bob Okafor');
    const page = await session.openApp();
    const app = new AppPage(page);
    const team = new TeamPage(page);
    await app.ready();

    await app.menu('team-connect');
    await team.connectDialog().getByLabel('Server address').fill(server.url);
    await team.connectDialog().getByLabel('Token').fill(alice.token);
    await shot(page, outDir, 'team-connect.png', written);
    await team.connectDialog().getByRole('button', { name: 'Connect' }).click();
    await team.indicator().waitFor();

    // Both retitle the sample report; Bob's reaches the team first.
    const colleague = await joinedColleague(server.url, bob.token);
    try {
      const reportId = colleague.store.db.prepare('SELECT id FROM documents').pluck().get() as string;
      updateDocument(colleague.ctx, { id: reportId, title: 'Rebels say they hold Dorsk; governor denies it' });
      await syncEngine.syncNow(colleague.ctx, colleague.server);
      await session.call('documents.update', { id: reportId, title: 'Dorsk: rebels claim capture, governor denies' });
      await session.call('team.syncNow', {});
    } finally {
      colleague.close();
    }
    await app.reload();
    await team.indicator().filter({ hasText: '1 conflict' }).waitFor();
    await shot(page, outDir, 'team-indicator.png', written);

    await app.menu('team-status');
    await team.dialog('Team status').waitFor();
    await shot(page, outDir, 'team-status.png', written);
    await page.keyboard.press('Escape');

    await app.menu('team-conflicts');
    await team.conflicts().first().waitFor();
    await shot(page, outDir, 'team-conflicts.png', written);
    await page.keyboard.press('Escape');

    await app.menu('team-leave');
    await team.dialog('Leave the team?').waitFor();
    await shot(page, outDir, 'team-leave.png', written);
  } finally {
    await session.close();
    await server.stop();
  }
}
