// The Team menu end to end, against the real team server on a throwaway PostgreSQL: a refused
// token and a server out of reach are said in the Connect dialog; Alice joins, tags a span and
// syncs with Ctrl+Shift+S; Bob, a colleague with a store of his own (the sync engine in this
// process), receives it; both change the report's title, the clash shows in Review Conflicts and
// Alice's choice reaches Bob; leaving keeps every row, and Bob's token on Alice's library is refused.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { updateDocument } from '../../electron/services/library/documents';
import { syncEngine } from '../../electron/services/team/sync-engine';
import { freePort } from '../unit/server/pg-cluster';
import { expect, sampleTitle, test } from './fixtures';
import { TeamPage } from './pages/team-page';
import { joinedColleague, startTeamServer, type TeamServerUnderTest } from './team-server';

let server: TeamServerUnderTest;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startTeamServer('e2e_team');
});

test.afterAll(async () => {
  await server?.stop();
});

/** axe on the open dialog (the screens behind it are checked by accessibility.spec.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('dialog[open]').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test('join a team, sync a span to a colleague, settle a conflict, leave keeping everything', async ({ page, app, reader, session }) => {
  test.slow();
  const team = new TeamPage(page);
  const alice = await server.addAnalyst('Alice');
  const bob = await server.addAnalyst('Bob');

  // Refusals are said in the dialog, and join nothing.
  await team.connect(server.url, 'glt_this-is-not-a-token');
  await expect(team.connectError()).toContainText(/token/i);
  await team.connect(`http://127.0.0.1:${await freePort()}`, alice.token);
  await expect(team.connectError()).toContainText(/reach/i);
  expect.soft(await seriousViolations(page), 'connect dialog').toEqual([]);
  expect((await session.call('team.status', {})).joined).toBe(false);

  await team.connect(server.url, alice.token);
  await team.expectNoDialog();
  await expect(page.getByText(/Joined the team as Alice/)).toBeVisible();
  await expect(team.indicator()).toBeVisible();

  // Alice tags a span and syncs from the keyboard.
  await reader.openFromLibrary(sampleTitle);
  await reader.tag('Rebel', 'commanders', '2');
  await expect(reader.card('Rebel commanders')).toBeVisible();
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByText(/^Synced: sent/)).toBeVisible();
  await expect(team.announcement()).toHaveText(/^Synced: sent/);

  // Bob joins with a library of his own and receives the span.
  const colleague = await joinedColleague(server.url, bob.token);
  const bobServer = colleague.server;
  const quotes = () => colleague.store.db.prepare('SELECT quote FROM annotations ORDER BY quote').pluck().all();
  expect(quotes()).toContain('Rebel commanders');

  // Bob's edit of the report Alice is reading shows in her reader as soon as it arrives.
  const reportId = colleague.store.db.prepare('SELECT id FROM documents').pluck().get() as string;
  updateDocument(colleague.ctx, { id: reportId, title: 'Dorsk bridge: what the rebels say' });
  await syncEngine.syncNow(colleague.ctx, bobServer);
  await page.keyboard.press('Control+Shift+S');
  await expect(page.getByRole('heading', { level: 1, name: 'Dorsk bridge: what the rebels say' })).toBeVisible();
  await expect(reader.card('Rebel commanders')).toBeVisible();

  // Both retitle the report; Bob's reaches the team first, so Alice's clashes.
  updateDocument(colleague.ctx, { id: reportId, title: 'Dorsk taken, rebels say' });
  await syncEngine.syncNow(colleague.ctx, bobServer);
  await session.call('documents.update', { id: reportId, title: 'Dorsk: rebels claim, governor denies' });
  await page.keyboard.press('Control+Shift+S');
  await expect(team.indicator()).toHaveText(/1 conflict/);

  await page.keyboard.press('Control+Shift+K');
  const conflict = team.conflicts();
  await expect(conflict).toHaveCount(1);
  await expect(conflict).toContainText('Dorsk: rebels claim, governor denies');
  await expect(conflict).toContainText('Dorsk taken, rebels say');
  await expect(conflict).toContainText('Bob');
  expect.soft(await seriousViolations(page), 'review conflicts dialog').toEqual([]);
  await conflict.getByRole('button', { name: /^Take mine/ }).click();
  await expect(team.dialog('Review conflicts')).toContainText('No conflicts to review');
  await expect(team.dialog('Review conflicts').getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');

  await page.keyboard.press('Control+Shift+S');
  await expect(team.indicator()).toHaveText(/^Synced$/);
  await syncEngine.syncNow(colleague.ctx, bobServer);
  expect(colleague.store.db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(reportId)).toBe('Dorsk: rebels claim, governor denies');
  expect(syncEngine.listConflicts(colleague.ctx)).toEqual([]);

  // The status says who and where, with nothing waiting.
  await app.menu('team-status');
  const status = team.dialog('Team status');
  await expect(status.getByRole('definition').nth(0)).toHaveText(server.url);
  await expect(status).toContainText('Alice');
  await expect(status.locator('dt', { hasText: 'Changes to send' }).locator('+ dd')).toHaveText('0');
  expect.soft(await seriousViolations(page), 'team status dialog').toEqual([]);
  await page.keyboard.press('Escape');

  // Leaving keeps every report and annotation.
  await app.menu('team-leave');
  expect.soft(await seriousViolations(page), 'leave dialog').toEqual([]);
  await team.dialog('Leave the team?').getByRole('button', { name: 'Leave team' }).click();
  await expect(page.getByText(/You left the team/)).toBeVisible();
  await expect(team.indicator()).toHaveCount(0);
  await expect(reader.card('Rebel commanders')).toBeVisible();
  expect((await session.call('team.status', {})).joined).toBe(false);
  expect(fs.existsSync(`${session.storePath}.team.json`)).toBe(false);

  // Bob's token cannot join Alice's library: it holds her annotations.
  await team.connect(server.url, bob.token);
  await expect(team.connectError()).toContainText(/analyst|Alice|Bob/);
  expect((await session.call('team.status', {})).joined).toBe(false);
  await expect(reader.card('Rebel commanders')).toBeVisible();
  colleague.close();
});

test('a large backlog shows its progress, and Cancel stops it keeping what was sent', async ({ page, session }) => {
  const team = new TeamPage(page);
  const frank = await server.addAnalyst('Frank');
  await team.connect(server.url, frank.token);
  await expect(page.getByText(/Joined the team as Frank/)).toBeVisible();
  await session.call('team.setAutomatic', { automatic: false });
  // A month offline: 5,000 changes to the report's details, made behind the window's back.
  const { ctx } = session.core;
  const reportId = ctx.store.db.prepare('SELECT id FROM documents').pluck().get() as string;
  ctx.store.transaction(() => {
    for (let n = 1; n <= 5_000; n++) updateDocument(ctx, { id: reportId, outlet: `Wire ${n}` });
  });

  await page.keyboard.press('Control+Shift+S');
  const panel = team.progressPanel();
  await expect(panel.getByRole('progressbar', { name: 'Team sync progress' })).toHaveAttribute('aria-valuetext', /of 5000 changes/);
  await expect(panel).toContainText(/Sending [\d,]+ of 5,000 changes/);
  await panel.getByRole('button', { name: 'Cancel sync' }).click();
  await expect(panel).toHaveCount(0);
  await expect(team.announcement()).toHaveText(/Sync cancelled/);
  const left = await session.call('team.status', {});
  expect(left).toMatchObject({ running: false, lastError: null });
  expect(left.pending).toBeGreaterThan(0);
  expect(left.pending).toBeLessThan(5_000);

  await page.keyboard.press('Control+Shift+S');
  await expect(team.announcement()).toHaveText(`Synced: sent ${left.pending.toLocaleString('en-US')} changes, received 0 changes.`);
  expect((await session.call('team.status', {})).pending).toBe(0);
});

test('a server with a certificate of its own: not trusted until its CA file is chosen in Connect', async ({ page, session }) => {
  const secure = await startTeamServer('e2e_team_tls', { tls: true });
  try {
    const team = new TeamPage(page);
    const erin = await secure.addAnalyst('Erin');
    expect(secure.url).toMatch(/^https:/);
    await team.connect(secure.url, erin.token);
    await expect(team.connectError()).toContainText(/certificate.*not trust.*Choose the team’s certificate authority file/);
    await team.connectDialog().getByLabel(/Certificate authority/).setInputFiles(secure.caFile!);
    await expect(team.connectDialog()).toContainText(`Trusting ${path.basename(secure.caFile!)}.`);
    await team.connectDialog().getByRole('button', { name: 'Connect' }).click();
    await expect(page.getByText(/Joined the team as Erin/)).toBeVisible();
    expect(await session.call('team.status', {})).toMatchObject({ joined: true, serverUrl: secure.url });
    // The CA is kept with the connection: the next sync trusts the server too.
    await page.keyboard.press('Control+Shift+S');
    await expect(page.getByText(/^Synced: sent/)).toBeVisible();
  } finally {
    await secure.stop();
  }
});
