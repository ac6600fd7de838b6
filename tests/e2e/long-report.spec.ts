// A long report loads its text and annotations by window around the viewport: tagging at its
// end, opening at a far claim, keyboard selection across a window edge, and coming back to the
// place the analyst left.
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';

const title = 'Convoy log, three thousand entries';
const count = 3000;
const paragraphs = Array.from({ length: count }, (_, i) => `Entry ${i + 1}. Officials in Port Alder said the convoy reached checkpoint ${i + 1} before dusk.`);
paragraphs[count - 1] = `Entry ${count}. The last convoy turned back at Halvik before the bridge.`;
const text = paragraphs.join('\n\n');

function seed(session: { core: { ctx: Seeder['ctx'] } }): Seeder {
  const report = Seeder.report(session.core.ctx, { title, text });
  // Annotations all along, so every window has some.
  report.ctx.store.transaction(() => {
    for (let i = 0; i < count; i += 7) report.span('source', 'Officials', undefined, `Entry ${i + 1}.`);
  });
  return report;
}

function entryNumber(paragraph: string): string {
  return /^Entry (\d+)\./.exec(paragraph)?.[1] ?? '';
}

test('a long report opens with only its first windows loaded; tagging at its end works', async ({ page, app, reader, session, state }) => {
  seed(session);
  await app.reload();
  await reader.openFromLibrary(title);
  await expect(reader.paragraph('Entry 1. Officials')).toBeVisible();
  expect(await reader.blocks().count()).toBeLessThan(60);

  await reader.scrollTo(1);
  await expect(reader.paragraph('turned back at Halvik')).toBeInViewport();
  const before = await state.annotationCount();
  await reader.tag('Halvik', 'Halvik', '3', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.span('Halvik')).toBeVisible();
  await expect.poll(() => state.annotationCount()).toBe(before + 1);
  // The list counts it and shows its card when asked to.
  await expect(reader.sidebar().getByRole('button', { name: /^Location/ })).toContainText('1');
  await page.keyboard.press('Escape');
});

test('opening at a claim far down the report from the claims table shows and selects it', async ({ app, claims, reader, session }) => {
  const report = seed(session);
  const far = report.claim('the convoy reached checkpoint 2950', { status: 'disputed' }, { after: 'Entry 2950.' });
  await app.reload();
  await claims.open();
  await claims.row('checkpoint 2950').click();
  const highlight = reader.text().locator(`[data-ids~="${far.claim}"]`);
  await expect(highlight).toBeInViewport();
  await expect(highlight).toHaveClass(/selected/);
  await expect(reader.cardById(far.claim)).toHaveClass(/selected/);
});

test('keyboard selection runs across the edge of a loaded window, and tags across it', async ({ page, app, reader, session, state }) => {
  seed(session);
  await app.reload();
  await reader.openFromLibrary(title);
  // Blocks 1–32 make the first window; "dusk." ends entry 32, "Entry 33" starts the second.
  await reader.text().evaluate((el) => {
    const block = el.querySelectorAll('.block-slot')[0] as HTMLElement;
    el.scrollTop = block.offsetHeight * 28;
  });
  await expect(reader.paragraph('Entry 32. Officials')).toBeInViewport();
  await reader.dragSelect('checkpoint 32 ', 'checkpoint 32 ', { fromAt: 0, toAt: 0.8 });
  expect(await reader.selectedQuote()).toBe('checkpoint');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => reader.selectedQuote()).toBe('checkpoint 32 before dusk.\n\nEntry 33');
  await page.keyboard.press('1');
  const created = text.indexOf('checkpoint 32 before');
  await expect.poll(async () => (await state.annotations()).find((a) => a.start === created)?.quote).toBe('checkpoint 32 before dusk.\n\nEntry 33');
  const stored = (await state.annotations()).find((a) => a.start === created)!;
  // Painted in both blocks, on both sides of the windows' edge.
  await expect.poll(() => reader.highlightedText(stored.id)).toBe('checkpoint 32 before dusk.Entry 33');
});

test('the reader keeps its place and selection after a visit to the claims table', async ({ app, claims, reader, session }) => {
  seed(session);
  await app.reload();
  await reader.openFromLibrary(title);
  await reader.scrollTo(0.6);
  // A paragraph in the middle of the screen, and a word in it selected.
  const middle = entryNumber(await reader.middleParagraphText());
  expect(Number(middle)).toBeGreaterThan(1000);
  await reader.dragSelect(`reached checkpoint ${middle} `, `reached checkpoint ${middle} `, { fromAt: 0, toAt: 0.3 });
  expect(await reader.selectedQuote()).toBe('reached');

  await claims.open();
  await reader.backToReport(title);
  await expect(reader.paragraph(`Entry ${middle}. Officials`)).toBeInViewport();
  await expect.poll(() => reader.selectedQuote()).toBe('reached');
});

test('each report keeps its own place and selection: two reports, one after the other', async ({ app, claims, reader, session }) => {
  test.setTimeout(120_000);
  seed(session);
  await app.reload();
  await reader.openFromLibrary(title);
  await reader.scrollTo(0.4);
  const entry = entryNumber(await reader.middleParagraphText());
  expect(Number(entry)).toBeGreaterThan(500);
  await reader.dragSelect(`reached checkpoint ${entry} `, `reached checkpoint ${entry} `, { fromAt: 0, toAt: 0.3 });
  await expect(reader.toolbar()).toHaveAttribute('aria-label', 'Tag “reached” as');

  // The sample report, with a selection of its own, then the claims table and back.
  await app.show('Library');
  await reader.openFromLibrary(/Rebels claim capture of Dorsk/);
  await reader.dragSelect('seized', 'seized', { fromAt: 0.2, toAt: 0.9 });
  await expect(reader.toolbar()).toHaveAttribute('aria-label', 'Tag “seized” as');
  await claims.open();
  await reader.backToReport('Rebels claim capture of Dorsk as governor denies losses in Northern Vell');
  await expect(reader.toolbar()).toHaveAttribute('aria-label', 'Tag “seized” as');

  // The long report again: where it was left, with its own selection.
  await app.show('Library');
  await reader.openFromLibrary(title);
  await expect(reader.paragraph(`Entry ${entry}. Officials`)).toBeInViewport();
  await expect(reader.toolbar()).toHaveAttribute('aria-label', 'Tag “reached” as');
  await app.show('Library');
  await reader.openFromLibrary(/Rebels claim capture of Dorsk/);
  await expect(reader.toolbar()).toHaveAttribute('aria-label', 'Tag “seized” as');
});
