import type { Page } from '@playwright/test';
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import type { Session } from '../harness/harness';

/** Two reports with three claims, their sources (with kinds), places and statuses. */
function seedAnalysis(session: Session) {
  const a = Seeder.report(session.core.ctx, {
    title: 'Dorsk bulletin',
    publishedAt: '2026-03-10',
    tags: ['vell'],
    text: 'Rebel commanders said they had seized Dorsk on Friday.\n\nThe provincial governor denied that Dorsk had fallen.',
  });
  const seized = a.span('claim', 'they had seized Dorsk', { status: 'corroborated', confidence: 'high', 'claim type': 'territorial control' });
  const rebels = a.span('source', 'Rebel commanders', { kind: 'armed group' });
  const dorsk = a.span('location', 'Dorsk');
  a.relate(seized, 'attributed-to', rebels);
  a.relate(seized, 'located-at', dorsk);
  a.place(dorsk, 35.1, 36.2, 'Dorsk');
  const denied = a.span('claim', 'denied that Dorsk had fallen', { status: 'disputed', confidence: 'low', 'claim type': 'statement' });
  const governor = a.span('source', 'The provincial governor', { kind: 'official' });
  a.relate(denied, 'attributed-to', governor);

  const b = Seeder.report(session.core.ctx, {
    title: 'Kestrava casualties',
    publishedAt: '2026-03-20',
    tags: ['casualties'],
    text: 'Monitors said at least 40 people were killed in Kestrava this week.',
  });
  const killed = b.span('claim', 'at least 40 people were killed', { status: 'unverified', confidence: 'medium', 'claim type': 'casualty figure' });
  const monitors = b.span('source', 'Monitors', { kind: 'NGO/monitor' });
  const kestrava = b.span('location', 'Kestrava');
  b.relate(killed, 'attributed-to', monitors);
  b.relate(killed, 'located-at', kestrava);
  return { seized, denied, killed, documentA: a.documentId };
}

const table = (page: Page) => page.getByRole('table', { name: 'Claims' });
const rows = (page: Page) => table(page).locator('.claims-body-row');
const quotes = (page: Page) => rows(page).locator('.quote-cell').allTextContents();

async function openClaims(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { name: 'Claims', level: 1 })).toBeVisible();
}

test('the claims table lists every claim with its report, date, sources, places and status', async ({ page, session }) => {
  seedAnalysis(session);
  await page.reload();
  await openClaims(page);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('status').filter({ hasText: 'claims in the library' })).toHaveText('3 claims in the library.');

  // Newest report first by default.
  const killed = rows(page).filter({ hasText: 'at least 40 people were killed' });
  await expect(killed.getByRole('cell').nth(1)).toHaveText('Kestrava casualties');
  await expect(killed.getByRole('cell').nth(3)).toHaveText('Monitors (NGO/monitor)');
  await expect(killed.getByRole('cell').nth(4)).toHaveText('Kestrava');
  await expect(killed.getByRole('cell').nth(5)).toHaveText('unverified');
  await expect(killed.getByRole('cell').nth(6)).toHaveText('medium');

  const seized = rows(page).filter({ hasText: 'they had seized Dorsk' });
  await expect(seized.getByRole('cell').nth(3)).toHaveText('Rebel commanders (armed group)');
  // A resolved location shows its place's name, with the span in the tooltip.
  await expect(seized.getByRole('cell').nth(4)).toHaveText('Dorsk');
  await expect(seized.getByRole('cell').nth(4)).toHaveAttribute('title', 'Dorsk → Dorsk');
  await expect(seized.getByRole('cell').nth(5)).toHaveText('corroborated');
  const denied = rows(page).filter({ hasText: 'denied that Dorsk had fallen' });
  await expect(denied.getByRole('cell').nth(4)).toHaveText('—');
  expect(await quotes(page)).toEqual(['“at least 40 people were killed”', '“they had seized Dorsk”', '“denied that Dorsk had fallen”']);
});

test('sorting by a column heading and filtering change the rows', async ({ page, session }) => {
  seedAnalysis(session);
  await page.reload();
  await openClaims(page);
  await expect(rows(page)).toHaveCount(3);

  const quoteHeader = table(page).getByRole('columnheader', { name: 'Quote' });
  await quoteHeader.getByRole('button').click();
  await expect(quoteHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => quotes(page)).toEqual(['“at least 40 people were killed”', '“denied that Dorsk had fallen”', '“they had seized Dorsk”']);
  await quoteHeader.getByRole('button').click();
  await expect(quoteHeader).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => quotes(page)).toEqual(['“they had seized Dorsk”', '“denied that Dorsk had fallen”', '“at least 40 people were killed”']);

  // Status sorts in the order of its options (unverified, corroborated, disputed, refuted).
  await table(page).getByRole('columnheader', { name: 'Status' }).getByRole('button').click();
  await expect.poll(() => quotes(page)).toEqual(['“at least 40 people were killed”', '“they had seized Dorsk”', '“denied that Dorsk had fallen”']);

  const filters = page.getByRole('search', { name: 'Filter claims' });
  await filters.getByRole('combobox', { name: 'Status', exact: true }).selectOption('disputed');
  await expect.poll(() => quotes(page)).toEqual(['“denied that Dorsk had fallen”']);
  await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 claim matches the filters.');
  await filters.getByRole('combobox', { name: 'Status', exact: true }).selectOption('');

  await filters.getByRole('combobox', { name: 'Source kind' }).selectOption('NGO/monitor');
  await expect.poll(() => quotes(page)).toEqual(['“at least 40 people were killed”']);
  await filters.getByRole('combobox', { name: 'Source kind' }).selectOption('');

  await filters.getByRole('combobox', { name: 'Claim type' }).selectOption('territorial control');
  await expect.poll(() => quotes(page)).toEqual(['“they had seized Dorsk”']);
  await filters.getByRole('combobox', { name: 'Claim type' }).selectOption('');

  await filters.getByRole('combobox', { name: 'Confidence' }).selectOption('low');
  await expect.poll(() => quotes(page)).toEqual(['“denied that Dorsk had fallen”']);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(rows(page)).toHaveCount(3);

  await filters.getByLabel('Published from').fill('2026-03-15');
  await expect.poll(() => quotes(page)).toEqual(['“at least 40 people were killed”']);
  await filters.getByLabel('Published from').fill('');
  await filters.getByLabel('to', { exact: true }).fill('2026-03-10');
  await expect(rows(page)).toHaveCount(2);
  await filters.getByLabel('to', { exact: true }).fill('');

  await filters.getByRole('combobox', { name: 'Report tag' }).selectOption('vell');
  await expect(rows(page)).toHaveCount(2);
  await filters.getByRole('combobox', { name: 'Report tag' }).selectOption('casualties');
  await expect.poll(() => quotes(page)).toEqual(['“at least 40 people were killed”']);

  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByRole('searchbox', { name: 'Quote contains' }).fill('dorsk');
  await expect(rows(page)).toHaveCount(2);
  await filters.getByRole('searchbox', { name: 'Quote contains' }).fill('nothing like this');
  await expect(table(page)).toContainText('No claims match these filters.');
});

test('Enter on a row, or a click, opens the report at the claim', async ({ page, session, reader }) => {
  const { denied, seized } = seedAnalysis(session);
  await page.reload();
  await openClaims(page);
  await expect(rows(page)).toHaveCount(3);

  // Keyboard: Tab into the table, arrow down to the third row, Enter.
  await rows(page).first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(2)).toBeFocused();
  await expect(rows(page).nth(2)).toContainText('denied that Dorsk had fallen');
  await page.keyboard.press('Enter');
  await expect(reader.text()).toContainText('The provincial governor denied');
  await expect(page.getByRole('heading', { name: 'Dorsk bulletin', level: 1 })).toBeVisible();
  await expect(reader.cardById(denied)).toHaveClass(/selected/);

  await openClaims(page);
  await rows(page).filter({ hasText: 'they had seized Dorsk' }).click();
  await expect(reader.cardById(seized)).toHaveClass(/selected/);
});

test('a long table: only the rows on screen are in the DOM, and pages arrive as it scrolls', async ({ page, session }) => {
  const paragraphs = Array.from({ length: 1200 }, (_, i) => `Claim number ${String(i + 1).padStart(4, '0')} was made today.`);
  const report = Seeder.report(session.core.ctx, { title: 'Many claims', text: paragraphs.join('\n\n'), publishedAt: '2026-01-01' });
  session.core.store.transaction(() => {
    for (const p of paragraphs) report.span('claim', p.slice(0, 17));
  });
  await page.reload();
  await openClaims(page);
  await expect(page.getByRole('status').filter({ hasText: 'claims in the library' })).toHaveText('1,200 claims in the library.');
  expect(await rows(page).count()).toBeLessThan(60);
  await table(page).getByRole('columnheader', { name: 'Quote' }).getByRole('button').click();
  await expect(rows(page).first()).toContainText('Claim number 0001');

  await rows(page).first().focus();
  await page.keyboard.press('End');
  const last = rows(page).filter({ hasText: 'Claim number 1200' });
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-rowindex', '1201');
  expect(await rows(page).count()).toBeLessThan(60);
  await page.keyboard.press('PageUp');
  await expect(page.locator('.claims-body-row:focus')).toContainText(/Claim number 11\d\d/);
});
