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

test('the map shows resolved places sized by count; clicking one lists its spans and jumps to one', async ({ app, map, session, reader }) => {
  const { dorsk2 } = seedPlaces(session);
  await app.reload();
  await map.open();
  // No report is open: the whole library.
  await expect(map.scope('All reports')).toBeChecked();
  await expect(map.scope('This report')).toBeDisabled();
  await expect(app.main()).toContainText('3 places, 4 spans in the library.');
  await expect(map.point(/^Dorsk: 2 spans$/)).toBeVisible();
  await expect(map.point(/^Port Alder: 1 span$/)).toBeVisible();
  expect(await map.radius(/^Dorsk/)).toBeGreaterThan(await map.radius(/^Veskar/));
  // The country map is drawn from the bundled atlas.
  expect((await map.landOutline()).length).toBeGreaterThan(10_000);

  // Hovering names the place.
  await map.point(/^Port Alder/).hover();
  await expect(map.tooltip()).toHaveText('Port Alder');

  await map.point(/^Dorsk/).click();
  const spans = map.spanEntries('Dorsk');
  await expect(spans).toHaveCount(2);
  await expect(spans.first()).toContainText('“Dorsk”');
  await expect(spans.first()).toContainText('Dorsk bulletin');
  await expect(spans.first()).toContainText('Location');
  await map.spanButtons('Dorsk').nth(1).click();
  await expect(reader.text()).toContainText('By Saturday Dorsk was quiet');
  await expect(reader.cardById(dorsk2)).toHaveClass(/selected/);
});

test('keyboard: points are buttons; the open report or the whole library', async ({ page, app, map, session, reader }) => {
  const { alder } = seedPlaces(session);
  await app.reload();
  await reader.openFromLibrary('Harbour report');
  await page.keyboard.press('Control+3');
  await app.expectScreen('Map');
  await expect(map.scope('This report')).toBeChecked();
  await expect(map.points()).toHaveCount(1);
  await expect(app.main()).toContainText('1 place, 1 span in “Harbour report”.');
  await map.scope('All reports').check();
  await expect(map.points()).toHaveCount(3);

  // The list beside the map centres a place; the point itself opens with Enter.
  await map.placeInList(/Port Alder/).click();
  await map.point(/^Port Alder/).focus();
  await page.keyboard.press('Enter');
  await expect(map.spanEntries('Port Alder')).toHaveCount(1);
  await map.spanButtons('Port Alder').focus();
  await page.keyboard.press('Enter');
  await expect(reader.cardById(alder)).toHaveClass(/selected/);

  // Zoom and pan with keys on the map, and back.
  // Back on the map the open report is the scope again; its one place fills the view once loaded.
  await page.keyboard.press('Control+3');
  await expect(map.scope('This report')).toBeChecked();
  await expect(app.main()).toContainText('1 place, 1 span in “Harbour report”.');
  await expect.poll(() => map.transform()).not.toBe('translate(0 0) scale(1)');
  const before = await map.transform();
  await map.map().focus();
  await page.keyboard.press('+');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => map.transform()).not.toBe(before);
  await page.keyboard.press('0');
  await expect.poll(() => map.transform()).toBe(before);
});
