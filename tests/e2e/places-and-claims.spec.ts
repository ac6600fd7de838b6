// The map and the claims table for a report (issue 14): "This report" fits its places, points that
// overlap cluster and a click parts them, a place lists the claims about it; in the table a place
// tagged inside a claim counts as its location, and Sources and Locations sort.
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import type { Session } from '../harness/harness';

function seed(session: Session) {
  const a = Seeder.report(session.core.ctx, {
    title: 'Dorsk bulletin',
    publishedAt: '2026-03-10',
    text: 'Rebels said they had seized Dorsk on Friday. Shelling hit Veskar overnight, monitors said. Fighting near Dorsk went on.',
  });
  const seized = a.claim('they had seized Dorsk', { status: 'corroborated' }, { source: { quote: 'Rebels', kind: 'armed group' }, location: 'Dorsk' });
  const shelling = a.span('claim', 'Shelling hit Veskar overnight');
  const veskar = a.span('location', 'Veskar');
  const fighting = a.span('claim', 'Fighting near Dorsk went on');
  const dorsk2 = a.span('location', 'Dorsk', undefined, 'Fighting near ');
  const monitors = a.span('source', 'monitors');
  a.relate(shelling, 'attributed-to', monitors);
  // Dorsk and Veskar are about 250 km apart: one dot on the whole world.
  a.place(seized.location!, 35.1, 36.2, 'Dorsk');
  a.place(dorsk2, 35.1, 36.2, 'Dorsk');
  a.place(veskar, 35.3, 38.9, 'Veskar');
  const b = Seeder.report(session.core.ctx, { title: 'Harbour report', publishedAt: '2026-03-12', text: 'Ships waited outside Port Alder for a third day.' });
  b.place(b.span('location', 'Port Alder'), 51.5, -3.2, 'Port Alder');
  return { seized: seized.claim, shelling, fighting };
}

test('map: this report fits its places, overlapping places cluster and a click parts them, a place lists its claims', async ({ app, map, reader, session }) => {
  const { seized, fighting } = seed(session);
  await app.reload();
  await reader.openFromLibrary('Dorsk bulletin');
  await map.open();
  await expect(map.scope('This report')).toBeChecked();
  // Fitted to the report: Dorsk and Veskar are two points.
  await expect(map.point(/^Dorsk/)).toBeVisible();
  await expect(map.point(/^Veskar/)).toBeVisible();

  // The whole library from the whole world: the two are one cluster; a click zooms in to part them.
  await map.scope('All reports').check();
  const cluster = map.point(/^2 places, Dorsk, Veskar/);
  await expect(cluster).toBeVisible();
  await expect(map.point(/^Port Alder/)).toBeVisible();
  await expect(map.point(/^Dorsk/)).toHaveCount(0);
  await cluster.click();
  await expect(map.point(/^Dorsk/)).toBeVisible();
  await expect(map.point(/^Veskar/)).toBeVisible();

  // Dorsk: the claim located there, and the one that only mentions it.
  await map.point(/^Dorsk/).click();
  const claims = app.page.getByRole('list', { name: 'Claims about Dorsk' }).getByRole('listitem');
  await expect(claims).toHaveCount(2);
  await expect(claims.filter({ hasText: 'they had seized Dorsk' })).toContainText('Located here');
  await expect(claims.filter({ hasText: 'Fighting near Dorsk went on' })).toContainText('Mentions this place (not linked)');
  await claims.filter({ hasText: 'Fighting near Dorsk' }).getByRole('button').click();
  await expect(reader.cardById(fighting)).toHaveClass(/selected/);
  expect(seized).toBeTruthy();
});

test('claims table: a place inside a claim is its location when none is linked; Sources and Locations sort', async ({ app, claims, session }) => {
  seed(session);
  await app.reload();
  await claims.open();
  await expect(claims.cell('Shelling hit Veskar', 'Locations')).toHaveText('Veskar (inside the claim)');
  await expect(claims.cell('they had seized Dorsk', 'Locations')).toHaveText('Dorsk');
  await claims.sortBy('Sources');
  await expect(claims.columnHeader('Sources')).toHaveAttribute('aria-sort', 'ascending');
  // monitors, Rebels, then the claim without a source.
  await expect.poll(() => claims.quotes()).toEqual(['“Shelling hit Veskar overnight”', '“they had seized Dorsk”', '“Fighting near Dorsk went on”']);
  await claims.sortBy('Locations');
  // Dorsk (linked), Dorsk (inside), Veskar (inside).
  await expect.poll(async () => (await claims.quotes()).at(-1)).toBe('“Shelling hit Veskar overnight”');
});
