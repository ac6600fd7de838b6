// Several analysts, one corpus (issue 15): the first run asks the analyst's name; the reader shows
// my layer, another analyst's read-only, or two side by side with their differences marked and
// counted; cards say who made an annotation.
import fs from 'node:fs';
import path from 'node:path';
import { analystNamed } from '../../electron/services/analysts/analysts';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import type { ServiceContext } from '../../electron/services/context';
import { startSession, type Session } from '../harness/harness';
import { expect, sampleTitle, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { LayersPage } from './pages/layers-page';

const screenshots = path.resolve(__dirname, '../output/screenshots');

function tag(ctx: ServiceContext, documentId: string, text: string, quote: string, labelId: string): void {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no "${quote}" in the sample`);
  createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length });
}

/** Cy tags Dorsk only, as the others did. */
function seedThirdLayer(session: Session): void {
  const ctx = session.core.ctx;
  const doc = ctx.store.db.prepare('SELECT id, text FROM documents LIMIT 1').get() as { id: string; text: string };
  const local = ctx.analyst;
  ctx.analyst = analystNamed(ctx, 'Cy').analyst;
  try {
    tag(ctx, doc.id, doc.text, 'Dorsk', 'location');
  } finally {
    ctx.analyst = local;
  }
}

/** The sample report tagged by the local analyst and by Bob: one span in both, two only in each. */
function seedTwoLayers(session: Session): void {
  const ctx = session.core.ctx;
  const doc = ctx.store.db.prepare('SELECT id, text FROM documents LIMIT 1').get() as { id: string; text: string };
  const local = ctx.analyst;
  tag(ctx, doc.id, doc.text, 'Dorsk', 'location');
  tag(ctx, doc.id, doc.text, 'Rebel commanders', 'source');
  tag(ctx, doc.id, doc.text, 'Samir Nuñez', 'source');
  ctx.analyst = analystNamed(ctx, 'Bob').analyst;
  try {
    tag(ctx, doc.id, doc.text, 'Dorsk', 'location');
    tag(ctx, doc.id, doc.text, 'Kestrava', 'location');
    tag(ctx, doc.id, doc.text, 'Zoë Haddad', 'source');
  } finally {
    ctx.analyst = local;
  }
}

test('first run asks the name; the reader shows my layer, Bob’s read-only, and both compared', async ({ glossaBrowser }) => {
  const session = await startSession(glossaBrowser, { askAnalystName: true });
  try {
    const page = await session.openApp();
    const app = new AppPage(page);
    await app.ready();
    const layers = new LayersPage(page);

    // First run: the name is asked, the OS user's filled in.
    await expect(layers.profileDialog()).toBeVisible();
    await expect(layers.nameField()).not.toHaveValue('');
    await layers.saveName('Alice');
    await expect(layers.profileDialog()).toBeHidden();
    expect((await session.call('analysts.profile', {})).analyst.name).toBe('Alice');

    seedTwoLayers(session);
    await app.reload();
    // Asked once only.
    await expect(layers.profileDialog()).toBeHidden();
    await app.reader.openFromLibrary(sampleTitle);
    await expect(layers.layerChoice()).toHaveValue(session.core.ctx.analyst.id);
    await expect(app.reader.cards()).toHaveCount(3);
    await app.reader.card('Samir Nuñez').getByRole('button', { name: 'Details' }).click();
    await expect(app.reader.card('Samir Nuñez').locator('.card-authorship')).toHaveText(/^Made by Alice, /);

    // Bob's layer: his three spans, read-only.
    await app.menu('choose-layer');
    await expect(layers.layerChoice()).toBeFocused();
    await layers.show('Bob');
    await expect(layers.readOnlyNotice()).toHaveText('Bob’s layer: read-only');
    await expect(app.reader.card('Kestrava')).toBeVisible();
    await expect(app.reader.cards()).toHaveCount(3);
    await expect(app.reader.card('Samir Nuñez')).toHaveCount(0);

    // Mine beside Bob's: one span in both, two only in each, marked.
    await layers.show('My layer');
    await layers.compareWith('Bob');
    await expect(layers.compareSummary()).toHaveText('1 in both, 2 only in Alice, 2 only in Bob');
    await expect(layers.differences('Alice')).toHaveText(['Rebel commanders', 'Samir Nuñez']);
    await expect(layers.differences('Bob').first()).toHaveText('Kestrava');
    await expect(layers.column('Bob').locator('mark.same').first()).toHaveText('Dorsk');
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'compare-layers.png') });

    // File ▸ Analyst Profile… renames; the id stays.
    const id = session.core.ctx.analyst.id;
    await layers.stopComparing();
    await app.menu('analyst-profile');
    await expect(layers.nameField()).toHaveValue('Alice');
    await layers.saveName('Alice Moreau');
    await expect(layers.profileDialog()).toBeHidden();
    expect(await session.call('analysts.list', {})).toContainEqual({ id, name: 'Alice Moreau' });
  } finally {
    await session.close();
  }
});

test('three layers side by side by View ▸ Compare Layers (Ctrl+Shift+D); N and Shift+N step through the differences', async ({ page, app, session }) => {
  seedTwoLayers(session);
  seedThirdLayer(session);
  await app.reload();
  const layers = new LayersPage(page);
  await app.reader.openFromLibrary(sampleTitle);
  await page.keyboard.press('Control+Shift+D');
  await expect(layers.compareView().getByRole('article')).toHaveCount(3);
  await expect(layers.compareSummary()).toHaveText(/^1 in all 3 layers; not in every other: 2 of .+’s, 2 of Bob’s, 0 of Cy’s$/);
  await expect(layers.currentDifference()).toHaveText('Rebel commanders');
  await page.keyboard.press('n');
  await expect(layers.compareView()).toContainText('Difference 2 of 4');
  await page.keyboard.press('Shift+N');
  await page.keyboard.press('Shift+N');
  await expect(layers.currentDifference()).toHaveText('Zoë Haddad');
  await page.screenshot({ path: path.join(screenshots, 'compare-three-layers.png') });
  await app.menu('compare-layers');
  await expect(layers.compareView()).toHaveCount(0);
  await expect(app.reader.text()).toBeVisible();
});
