import type { Page } from '@playwright/test';
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import type { Session } from '../harness/harness';

function seedPlaces(session: Session) {
  const a = Seeder.report(session.core.ctx, {
    title: 'Dorsk bulletin',
    publishedAt: '2026-03-10',
    text: 'Fighting was reported in Dorsk on Friday.\n\nBy Saturday Dorsk was quiet, and roads to Veskar reopened.',
  });
  const dorsk1 = a.span('location', 'Dorsk');
  const dorsk2 = a.span('location', 'Dorsk', undefined, 'By Saturday');
  const veskar = a.span('location', 'Veskar');
  a.place(dorsk1, 35.1, 36.2, 'Dorsk');
  a.place(dorsk2, 35.1, 36.2, 'Dorsk');
  a.place(veskar, 30.0, 31.0, 'Veskar');
  const b = Seeder.report(session.core.ctx, {
    title: 'Harbour report',
    publishedAt: '2026-03-12',
    text: 'Ships waited outside Port Alder for a third day.',
  });
  const alder = b.span('location', 'Port Alder');
  b.place(alder, 51.5, -3.2, 'Port Alder');
  return { dorsk1, dorsk2, veskar, alder };
}

const map = (page: Page) => page.getByRole('group', { name: /^World map/ });
const point = (page: Page, name: RegExp) => map(page).getByRole('button', { name });

async function openMap(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map' }).click();
  await expect(page.getByRole('heading', { name: 'Map', level: 1 })).toBeVisible();
}

test('the map shows resolved places sized by count; clicking one lists its spans and jumps to one', async ({ page, session, reader }) => {
  const { dorsk2 } = seedPlaces(session);
  await page.reload();
  await openMap(page);
  // No report is open: the whole library.
  await expect(page.getByRole('radio', { name: 'All reports' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'This report' })).toBeDisabled();
  await expect(page.getByRole('main')).toContainText('3 places, 4 spans in the library.');
  await expect(point(page, /^Dorsk: 2 spans$/)).toBeVisible();
  await expect(point(page, /^Port Alder: 1 span$/)).toBeVisible();
  const big = await point(page, /^Dorsk/).locator('circle').getAttribute('r');
  const small = await point(page, /^Veskar/).locator('circle').getAttribute('r');
  expect(Number(big)).toBeGreaterThan(Number(small));
  // The country map is drawn from the bundled atlas.
  expect((await page.locator('.map-land').getAttribute('d'))!.length).toBeGreaterThan(10_000);

  // Hovering names the place.
  await point(page, /^Port Alder/).hover();
  await expect(page.locator('.map-tip')).toHaveText('Port Alder');

  await point(page, /^Dorsk/).click();
  const spans = page.getByRole('list', { name: 'Spans at Dorsk' });
  await expect(spans.getByRole('listitem')).toHaveCount(2);
  await expect(spans.getByRole('listitem').first()).toContainText('“Dorsk”');
  await expect(spans.getByRole('listitem').first()).toContainText('Dorsk bulletin');
  await expect(spans.getByRole('listitem').first()).toContainText('Location');
  await spans.getByRole('button').nth(1).click();
  await expect(reader.text()).toContainText('By Saturday Dorsk was quiet');
  await expect(reader.cardById(dorsk2)).toHaveClass(/selected/);
});

test('keyboard: points are buttons; the open report or the whole library', async ({ page, session, reader }) => {
  const { alder } = seedPlaces(session);
  await page.reload();
  await reader.openFromLibrary('Harbour report');
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { name: 'Map', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'This report' })).toBeChecked();
  await expect(map(page).getByRole('button')).toHaveCount(1);
  await expect(page.getByRole('main')).toContainText('1 place, 1 span in “Harbour report”.');
  await page.getByRole('radio', { name: 'All reports' }).check();
  await expect(map(page).getByRole('button')).toHaveCount(3);

  // The list beside the map centres a place; the point itself opens with Enter.
  await page.getByRole('list', { name: 'Resolved places' }).getByRole('button', { name: /Port Alder/ }).click();
  await point(page, /^Port Alder/).focus();
  await page.keyboard.press('Enter');
  const spans = page.getByRole('list', { name: 'Spans at Port Alder' });
  await expect(spans.getByRole('listitem')).toHaveCount(1);
  await spans.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(reader.cardById(alder)).toHaveClass(/selected/);

  // Zoom and pan with keys on the map, and back.
  await page.keyboard.press('Control+3');
  const transform = () => page.locator('.world-map > g').first().getAttribute('transform');
  const before = await transform();
  await map(page).focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  expect(await transform()).not.toBe(before);
  await page.keyboard.press('0');
  expect(await transform()).toBe(before);
});
