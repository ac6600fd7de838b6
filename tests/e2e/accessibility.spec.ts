// axe-core on every screen: no serious or critical violation, with annotations drawn and a
// dialog open where one belongs to the screen.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import type { Session } from '../harness/harness';

function seedReport(session: Session) {
  const a = Seeder.report(session.core.ctx, {
    title: 'Dorsk bulletin',
    publishedAt: '2026-03-10',
    text: 'Rebel commanders said they had seized Dorsk on Friday.\n\nThe provincial governor denied that Dorsk had fallen.',
  });
  const seized = a.claim(
    'they had seized Dorsk',
    { status: 'corroborated', confidence: 'high', 'claim type': 'territorial control' },
    { source: { quote: 'Rebel commanders', kind: 'armed group' }, location: 'Dorsk' },
  );
  a.place(seized.location!, 35.1, 36.2, 'Dorsk');
  return { seized: seized.claim, source: seized.source!, location: seized.location! };
}

/** The serious and critical violations on the page, as readable lines (empty when none). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`);
}

test('axe finds no serious or critical violation on any screen or dialog', async ({ page, app, reader, claims, map, schema, session }) => {
  test.slow();
  const { seized } = seedReport(session);
  await app.reload();
  expect.soft(await seriousViolations(page), 'library').toEqual([]);

  await app.library.openDetails('Dorsk bulletin');
  expect.soft(await seriousViolations(page), 'report details dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await reader.openFromLibrary('Dorsk bulletin');
  await reader.cardById(seized).click();
  expect.soft(await seriousViolations(page), 'reader with annotations').toEqual([]);

  await app.openExport();
  expect.soft(await seriousViolations(page), 'export dialog').toEqual([]);
  await page.keyboard.press('Escape');

  await claims.open();
  expect.soft(await seriousViolations(page), 'claims').toEqual([]);

  await map.open();
  expect.soft(await seriousViolations(page), 'map').toEqual([]);

  await app.show('Search');
  await page.getByRole('searchbox', { name: 'Search reports' }).fill('Dorsk');
  await expect(app.main()).toContainText('governor');
  expect.soft(await seriousViolations(page), 'search').toEqual([]);

  await schema.open();
  expect.soft(await seriousViolations(page), 'labels and schema').toEqual([]);
});

test('forced colours: each label keeps a glyph and its own underline pattern', async ({ page, app, reader, session }) => {
  const ids = seedReport(session);
  await page.emulateMedia({ forcedColors: 'active' });
  await app.reload();
  await reader.openFromLibrary('Dorsk bulletin');
  expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches)).toBe(true);
  // The first segment of each annotation (where its glyph is).
  const segment = (id: string) => reader.text().locator(`[data-ids~="${id}"]`).first();
  const look = (id: string) =>
    segment(id).evaluate((el) => {
      const style = getComputedStyle(el);
      return { line: style.textDecorationLine, pattern: style.textDecorationStyle, glyph: getComputedStyle(el, '::before').content };
    });
  const source = await look(ids.source);
  const claim = await look(ids.seized);
  const place = await look(ids.location);
  for (const drawn of [source, claim, place]) {
    expect(drawn.line).toBe('underline');
    expect(drawn.glyph).not.toBe('none');
  }
  // Three labels, three patterns and three glyphs: told apart without colour.
  expect(new Set([source.pattern, claim.pattern, place.pattern]).size).toBe(3);
  expect(new Set([source.glyph, claim.glyph, place.glyph]).size).toBe(3);
});

test('screen readers: spans are marks described by label, values and links; focus starts in the text', async ({ page, app, reader, session }) => {
  const { seized } = seedReport(session);
  await app.reload();
  await reader.openFromLibrary('Dorsk bulletin');
  await expect(reader.text()).toBeFocused();
  const claimMark = page.locator(`mark[data-ids~="${seized}"]`).first();
  await expect(claimMark).toHaveAttribute('aria-description', /Claim/);
  // The glyph's alternative text names the label where the span starts.
  await expect(claimMark).toHaveAttribute('data-glyph-name', /Claim/);
  await claimMark.click();
  await expect(claimMark).toHaveClass(/selected/);
  await expect(claimMark).toHaveAttribute('aria-description', /^Claim, selected;.*: corroborated/);
  await expect(claimMark).toHaveAttribute('aria-description', /“Rebel commanders”/);
  await expect(claimMark).toHaveAttribute('aria-description', /“Dorsk”/);
});

test('right to left: in an Arabic report → goes back and ← goes on, and the title is aligned to the right', async ({ page, app, reader, session }) => {
  Seeder.report(session.core.ctx, { title: 'بيان دورسك', text: 'قال القادة إنهم سيطروا على المدينة يوم الجمعة.' });
  await app.reload();
  await reader.openFromLibrary('بيان دورسك');
  await expect(page.locator('.doc-header')).toHaveAttribute('dir', 'rtl');
  expect(await page.locator('#doc-title').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await reader.text().focus();
  await page.keyboard.press('ArrowLeft');
  expect(await reader.selectedQuote()).toBe('قال');
  await page.keyboard.press('Shift+ArrowLeft');
  expect(await reader.selectedQuote()).toBe('قال القادة');
  await page.keyboard.press('Shift+ArrowRight');
  // (Whether a shrunk selection keeps the space after the word is the keyboard selection's rule, not the direction's.)
  expect((await reader.selectedQuote()).trim()).toBe('قال');
});

test('text size: View ▸ Text Size and Ctrl+] grow the reader text, and the size is kept', async ({ page, app, reader, session }) => {
  seedReport(session);
  await app.reload();
  await reader.openFromLibrary('Dorsk bulletin');
  const size = () => reader.blocks().first().evaluate((el) => getComputedStyle(el).fontSize);
  expect(await size()).toBe('19px');
  await app.menu('text-larger');
  expect(await size()).toBe('21px');
  await reader.text().focus();
  await page.keyboard.press('Control+]');
  expect(await size()).toBe('24px');
  await app.reload();
  await reader.openFromLibrary('Dorsk bulletin');
  expect(await size()).toBe('24px');
  await page.keyboard.press('Control+[');
  expect(await size()).toBe('21px');
  await app.menu('text-reset');
  expect(await size()).toBe('19px');
});
