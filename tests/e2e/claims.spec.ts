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
  const seized = a.claim(
    'they had seized Dorsk',
    { status: 'corroborated', confidence: 'high', 'claim type': 'territorial control' },
    { source: { quote: 'Rebel commanders', kind: 'armed group' }, location: 'Dorsk' },
  );
  a.place(seized.location!, 35.1, 36.2, 'Dorsk');
  const denied = a.claim(
    'denied that Dorsk had fallen',
    { status: 'disputed', confidence: 'low', 'claim type': 'statement' },
    { source: { quote: 'The provincial governor', kind: 'official' } },
  );

  const b = Seeder.report(session.core.ctx, {
    title: 'Kestrava casualties',
    publishedAt: '2026-03-20',
    tags: ['casualties'],
    text: 'Monitors said at least 40 people were killed in Kestrava this week.',
  });
  b.claim(
    'at least 40 people were killed',
    { status: 'unverified', confidence: 'medium', 'claim type': 'casualty figure' },
    { source: { quote: 'Monitors', kind: 'NGO/monitor' }, location: 'Kestrava' },
  );
  return { seized: seized.claim, denied: denied.claim };
}

test('the claims table lists every claim with its report, date, sources, places and status', async ({ app, claims, session }) => {
  seedAnalysis(session);
  await app.reload();
  await claims.open();
  await expect(claims.rows()).toHaveCount(3);
  await expect(app.notice('claims in the library')).toHaveText('3 claims in the library.');

  // Newest report first by default.
  const killed = 'at least 40 people were killed';
  await expect(claims.cell(killed, 'Report')).toHaveText('Kestrava casualties');
  await expect(claims.cell(killed, 'Sources')).toHaveText('Monitors (NGO/monitor)');
  await expect(claims.cell(killed, 'Locations')).toHaveText('Kestrava');
  await expect(claims.cell(killed, 'Status')).toHaveText('unverified');
  await expect(claims.cell(killed, 'Confidence')).toHaveText('medium');

  const seized = 'they had seized Dorsk';
  await expect(claims.cell(seized, 'Sources')).toHaveText('Rebel commanders (armed group)');
  // A resolved location shows its place's name, with the span in the tooltip.
  await expect(claims.cell(seized, 'Locations')).toHaveText('Dorsk');
  await expect(claims.cell(seized, 'Locations')).toHaveAttribute('title', 'Dorsk → Dorsk');
  await expect(claims.cell(seized, 'Status')).toHaveText('corroborated');
  await expect(claims.cell('denied that Dorsk had fallen', 'Locations')).toHaveText('—');
  expect(await claims.quotes()).toEqual(['“at least 40 people were killed”', '“they had seized Dorsk”', '“denied that Dorsk had fallen”']);
});

test('sorting by a column heading and filtering change the rows', async ({ app, claims, session }) => {
  seedAnalysis(session);
  await app.reload();
  await claims.open();
  await expect(claims.rows()).toHaveCount(3);

  await claims.sortBy('Quote');
  await expect(claims.columnHeader('Quote')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => claims.quotes()).toEqual(['“at least 40 people were killed”', '“denied that Dorsk had fallen”', '“they had seized Dorsk”']);
  await claims.sortBy('Quote');
  await expect(claims.columnHeader('Quote')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => claims.quotes()).toEqual(['“they had seized Dorsk”', '“denied that Dorsk had fallen”', '“at least 40 people were killed”']);

  // Status sorts in the order of its options (unverified, corroborated, disputed, refuted).
  await claims.sortBy('Status');
  await expect.poll(() => claims.quotes()).toEqual(['“at least 40 people were killed”', '“they had seized Dorsk”', '“denied that Dorsk had fallen”']);

  await claims.filter('Status', 'disputed');
  await expect.poll(() => claims.quotes()).toEqual(['“denied that Dorsk had fallen”']);
  await expect(app.notice('match')).toHaveText('1 claim matches the filters.');
  await claims.filter('Status', '');

  await claims.filter('Source kind', 'NGO/monitor');
  await expect.poll(() => claims.quotes()).toEqual(['“at least 40 people were killed”']);
  await claims.filter('Source kind', '');

  await claims.filter('Claim type', 'territorial control');
  await expect.poll(() => claims.quotes()).toEqual(['“they had seized Dorsk”']);
  await claims.filter('Claim type', '');

  await claims.filter('Confidence', 'low');
  await expect.poll(() => claims.quotes()).toEqual(['“denied that Dorsk had fallen”']);
  await claims.clearFilters();
  await expect(claims.rows()).toHaveCount(3);

  await claims.publishedFrom('2026-03-15');
  await expect.poll(() => claims.quotes()).toEqual(['“at least 40 people were killed”']);
  await claims.publishedFrom('');
  await claims.publishedTo('2026-03-10');
  await expect(claims.rows()).toHaveCount(2);
  await claims.publishedTo('');

  await claims.filter('Report tag', 'vell');
  await expect(claims.rows()).toHaveCount(2);
  await claims.filter('Report tag', 'casualties');
  await expect.poll(() => claims.quotes()).toEqual(['“at least 40 people were killed”']);

  await claims.clearFilters();
  await claims.quoteContains('dorsk');
  await expect(claims.rows()).toHaveCount(2);
  await claims.quoteContains('nothing like this');
  await expect(claims.table()).toContainText('No claims match these filters.');
});

test('Enter on a row, or a click, opens the report at the claim', async ({ page, app, claims, session, reader }) => {
  const { denied, seized } = seedAnalysis(session);
  await app.reload();
  await claims.open();
  await expect(claims.rows()).toHaveCount(3);

  // Keyboard: Tab into the table, arrow down to the third row, Enter.
  await claims.rows().first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(claims.rows().nth(2)).toBeFocused();
  await expect(claims.rows().nth(2)).toContainText('denied that Dorsk had fallen');
  await page.keyboard.press('Enter');
  await expect(reader.text()).toContainText('The provincial governor denied');
  await expect(app.heading('Dorsk bulletin')).toBeVisible();
  await expect(reader.cardById(denied)).toHaveClass(/selected/);

  await claims.open();
  await claims.row('they had seized Dorsk').click();
  await expect(reader.cardById(seized)).toHaveClass(/selected/);
});

test('a long table: only the rows on screen are in the DOM, and pages arrive as it scrolls', async ({ page, app, claims, session }) => {
  const paragraphs = Array.from({ length: 1200 }, (_, i) => `Claim number ${String(i + 1).padStart(4, '0')} was made today.`);
  const report = Seeder.report(session.core.ctx, { title: 'Many claims', text: paragraphs.join('\n\n'), publishedAt: '2026-01-01' });
  report.spans(
    'claim',
    paragraphs.map((p) => p.slice(0, 17)),
  );
  await app.reload();
  await claims.open();
  await expect(app.notice('claims in the library')).toHaveText('1,200 claims in the library.');
  expect(await claims.rows().count()).toBeLessThan(60);
  await claims.sortBy('Quote');
  await expect(claims.rows().first()).toContainText('Claim number 0001');

  await claims.rows().first().focus();
  await page.keyboard.press('End');
  const last = claims.row('Claim number 1200');
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-rowindex', '1201');
  expect(await claims.rows().count()).toBeLessThan(60);
  await page.keyboard.press('PageUp');
  await expect(claims.focusedRow()).toContainText(/Claim number 11\d\d/);
});
