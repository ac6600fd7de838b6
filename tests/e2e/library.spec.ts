// The library at 1,000 reports (issue 13, item 4): one-line rows drawn only on screen, filters,
// sorting, multi-select with mouse and keys, export of the selection, and the place kept when a
// report is opened and closed.
import fs from 'node:fs';
import path from 'node:path';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { addDocument, updateDocument } from '../../electron/services/library/documents';
import type { Session } from '../harness/harness';
import { expect, sampleTitle, test } from './fixtures';
import type { AppPage } from './pages/app-page';
import { tempDir } from './temp-dir';

const sampleTitleText = 'Rebels claim capture of Dorsk as governor denies losses in Northern Vell';
const outlets = ['Meridian Wire', 'Дорская правда', 'Field Desk', 'Coast Radio'];

/** 1,000 reports "Report 0000"…"Report 0999" (plus the sample); every 4th has a claim, every 10th the tag "weekly". */
async function seedThousand(session: Session, app: AppPage): Promise<void> {
  const ctx = session.core.ctx;
  session.core.store.transaction(() => {
    for (let i = 0; i < 1000; i++) {
      const n = String(i).padStart(4, '0');
      const text = `Report ${n}. Rebels said they took the bridge at Dorsk on day ${i}.`;
      const day = new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const added = addDocument(ctx, { title: `Report ${n}`, text, outlet: outlets[i % outlets.length], publishedAt: day });
      if (added.status !== 'added') throw new Error('duplicate');
      if (i % 10 === 0) updateDocument(ctx, { id: added.document.id, tags: ['weekly'] });
      if (i % 4 === 0) createAnnotation(ctx, { documentId: added.document.id, labelId: 'claim', start: 13, end: 36 });
    }
  });
  await app.reload();
  await expect(app.library.status()).toContainText('1,001 reports');
}

test('1,000 reports: rows are drawn only on screen; filter by text, tag, outlet, date and state; sort by a column', async ({ app, session }) => {
  await seedThousand(session, app);
  const library = app.library;
  expect(await library.entries().count()).toBeLessThan(100);

  await library.filterText().fill('report 07');
  await expect(library.status()).toContainText('100 of 1,001 reports match');
  await library.sortButton('Title').click();
  await expect(library.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(() => library.titles().then((t) => t.slice(0, 2))).toEqual(['Report 0700', 'Report 0701']);
  await library.sortButton('Title').click();
  await expect(library.columnHeader('Title')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => library.titles().then((t) => t[0])).toBe('Report 0799');

  // Cyrillic outlet, case folded.
  await library.filterText().fill('ДОРСКАЯ');
  await expect(library.status()).toContainText('250 of 1,001 reports match');

  await library.filterText().fill('');
  const more = await library.moreFilters();
  await more.getByLabel('Tag').selectOption('weekly');
  await expect(library.status()).toContainText('100 of 1,001 reports match');
  await more.getByLabel('Outlet').selectOption('Meridian Wire');
  // i % 10 === 0 and i % 4 === 0: every 20th.
  await expect(library.status()).toContainText('50 of 1,001 reports match');
  await more.getByLabel('Annotations').selectOption('untouched');
  await expect(library.status()).toContainText('0 of 1,001 reports match');
  await expect(app.main()).toContainText('No report matches these filters.');
  await more.getByLabel('Annotations').selectOption('inProgress');
  await expect(library.status()).toContainText('50 of 1,001 reports match');
  await more.getByRole('button', { name: 'Clear filters' }).click();
  await expect(library.status()).toContainText('1,001 reports');

  await more.getByLabel('Published from').fill('2024-01-01');
  await more.getByLabel('Published to').fill('2024-01-10');
  await expect(library.status()).toContainText('10 of 1,001 reports match');
  await library.sortButton('Date').click();
  await expect(library.columnHeader('Date')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => library.titles()).toEqual(Array.from({ length: 10 }, (_, i) => `Report ${String(9 - i).padStart(4, '0')}`));
  await library.sortButton('Annotations').click();
  await expect(library.columnHeader('Annotations')).toHaveAttribute('aria-sort', 'descending');
  await expect.poll(() => library.titles().then((t) => t.slice(0, 3))).toEqual(['Report 0000', 'Report 0004', 'Report 0008']);
});

test('select with Ctrl and Shift clicks, tag the selection, and export just those reports', async ({ app, session }) => {
  await seedThousand(session, app);
  const library = app.library;
  await library.sortButton('Title').click();
  await expect.poll(() => library.titles().then((t) => t[0])).toBe(sampleTitleText);
  await library.entry('Report 0000').locator('[role="gridcell"]').nth(1).click();
  await library.entry('Report 0004').locator('[role="gridcell"]').nth(1).click({ modifiers: ['Control'] });
  await library.entry('Report 0008').locator('[role="gridcell"]').nth(1).click({ modifiers: ['Shift'] });
  // Shift selects the range from the anchor (0004) to 0008 instead of what was selected.
  await expect(library.selectedRows()).toHaveCount(5);
  await expect(library.entry('Report 0000')).toHaveAttribute('aria-selected', 'false');
  await library.entry('Report 0000').locator('[role="gridcell"]').nth(1).click({ modifiers: ['Control'] });
  await expect(library.selectedRows()).toHaveCount(6);
  await expect(library.status()).toContainText('6 selected');
  await expect(library.entry('Report 0004')).toHaveAttribute('aria-selected', 'true');

  const bar = library.selectionBar();
  await bar.getByRole('textbox', { name: 'Tag to add' }).fill('picked');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  await expect(app.notice('Tagged 6 reports “picked”')).toBeVisible();
  await expect(library.tags('Report 0006')).toContainText('picked');

  const target = path.join(tempDir(), 'picked.jsonl');
  session.dialogs.saveAnswers.push(target);
  await bar.getByRole('button', { name: 'Export selected…' }).click();
  const dialog = app.exportDialog;
  await expect(dialog.scope('Selected reports')).toBeChecked();
  await expect(dialog.dialog()).toContainText('6 chosen');
  await expect(dialog.reportChoices().filter({ has: dialog.page.locator(':checked') })).toHaveCount(0);
  await expect(dialog.dialog().getByRole('checkbox', { name: 'Report 0005' })).toBeChecked();
  await expect(dialog.preview()).toContainText('from 6 reports');
  await dialog.export();
  await expect(app.notice(/Exported \d+ annotations from 6 reports/)).toBeVisible();
  const titles = fs
    .readFileSync(target, 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { meta?: { title?: string }; title?: string }).meta?.title ?? (JSON.parse(line) as { title?: string }).title);
  expect(titles.sort()).toEqual(['Report 0000', 'Report 0004', 'Report 0005', 'Report 0006', 'Report 0007', 'Report 0008']);
});

test('keyboard: arrows, Shift+arrows, Ctrl+A, Escape, type-ahead, Enter opens, Delete deletes with undo', async ({ app, page, session, state }) => {
  await seedThousand(session, app);
  const library = app.library;
  await library.sortButton('Title').click();
  await expect.poll(() => library.titles().then((t) => t[0])).toBe(sampleTitleText);
  // The header's sort buttons are reached from the grid: ArrowUp from the first row, then Left/Right.
  await library.entry('Report 0000').click();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(library.sortButton('Title')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(library.sortButton('Outlet')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(library.report(sampleTitle)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await expect(library.report('Report 0000')).toBeFocused();
  await expect(library.report('Report 0000')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(library.report('Report 0001')).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(library.report('Report 0002')).toBeFocused();
  await expect(library.selectedRows()).toHaveCount(3);
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press(' ');
  await expect(library.status()).toContainText('4 selected');
  await page.keyboard.press('Control+a');
  await expect(library.status()).toContainText('1,001 selected');
  await page.keyboard.press('Escape');
  await expect(library.selectedRows()).toHaveCount(0);

  // Type-ahead jumps to the first title that starts with what was typed.
  await page.keyboard.type('report 005');
  await expect(library.report('Report 0050')).toBeFocused();
  await page.keyboard.press('End');
  await expect(library.report('Report 0999')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(library.report(sampleTitle)).toBeFocused();

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  // A range selection may wait for ids from main: Delete acts on what the status line says.
  await expect(library.status()).toContainText('2 selected');
  await page.keyboard.press('Delete');
  await expect(app.notice('Deleted 2 reports')).toBeVisible();
  expect(await state.documentCount()).toBe(999);
  await expect(library.status()).toContainText('999 reports');
  await app.undoFrom('Deleted 2 reports');
  await expect(app.notice('Restored 2 reports')).toBeVisible();
  expect(await state.documentCount()).toBe(1001);

  await library.report('Report 0001').click();
  await page.keyboard.press('Enter');
  await expect(app.reader.text()).toContainText('Report 0001. Rebels said');
});

test('coming back from a report finds the library as it was: scroll position, sort, filter and selection', async ({ app, page, session }) => {
  await seedThousand(session, app);
  const library = app.library;
  await library.filterText().fill('report');
  await library.sortButton('Title').click();
  await expect.poll(() => library.titles().then((t) => t[0])).toBe('Report 0000');
  const row = await library.scrollTo('Report 0600');
  await row.locator('[role="gridcell"]').nth(1).click();
  await library.entry('Report 0602').locator('[role="gridcell"]').nth(1).click({ modifiers: ['Control'] });
  const scroller = library.reports().locator('.library-scroll');
  const scrolled = await scroller.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(10_000);

  await library.openButton('Report 0601').click();
  await expect(app.reader.text()).toContainText('Report 0601. Rebels said');
  await app.show('Library');
  await expect(library.entry('Report 0600')).toBeVisible();
  expect(Math.abs((await scroller.evaluate((el) => el.scrollTop)) - scrolled)).toBeLessThan(2);
  await expect(library.filterText()).toHaveValue('report');
  await expect(library.columnHeader('Title')).toHaveAttribute('aria-sort', 'ascending');
  await expect(library.status()).toContainText('2 selected');
  await expect(library.entry('Report 0602')).toHaveAttribute('aria-selected', 'true');
  // The active row has the focus again, so the keyboard carries on where it was.
  await expect(library.report('Report 0602')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(library.report('Report 0603')).toBeFocused();
});

test('fast keys keep the focus in the grid: keys pressed while the rows catch up are not lost', async ({ app, page, session }) => {
  await seedThousand(session, app);
  const library = app.library;
  await library.sortButton('Title').click();
  await expect.poll(() => library.titles().then((t) => t[0])).toBe(sampleTitleText);
  await library.entry('Report 0000').click();
  // A slow machine (as CI is): the moments between a render and its effects grow.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  // Each jump lands on rows not drawn yet (and pages not fetched); the next key follows at once.
  for (let round = 0; round < 2; round++) {
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect(library.report('Report 0998')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(library.report(sampleTitle)).toBeFocused();
  }
  // Every key after the jumps still reached the grid.
  await page.keyboard.press('ArrowDown');
  await expect(library.report('Report 0000')).toBeFocused();
});

test('a new filter repaints the rows on show in place: none is removed while its answer is on its way', async ({ app, page, session }) => {
  await seedThousand(session, app);
  const library = app.library;
  await expect.poll(() => library.titles().then((t) => t.length)).toBeGreaterThan(10);
  await page.evaluate(() => {
    const rows = document.querySelector('[aria-label="Reports"] .library-scroll')!;
    (window as unknown as { __rowsRemoved: number }).__rowsRemoved = 0;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) if (node instanceof HTMLElement && node.matches('[role="row"]')) (window as unknown as { __rowsRemoved: number }).__rowsRemoved += 1;
      }
    }).observe(rows, { childList: true, subtree: true });
  });
  // 1,000 reports match "report 0" as they matched no filter: the rows change text, not number.
  await library.filterText().fill('report 0');
  await expect(library.status()).toContainText('1,000 of 1,001 reports match');
  await expect.poll(() => library.titles().then((t) => t[0])).toBe('Report 0999');
  expect(await page.evaluate(() => (window as unknown as { __rowsRemoved: number }).__rowsRemoved)).toBe(0);
});
