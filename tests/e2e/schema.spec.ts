import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { getDocument, listDocuments } from '../../electron/services/library/documents';
import { expect, sampleTitle, test } from './fixtures';
import type { Session } from '../harness/harness';

async function openSchema(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Labels' }).click();
  await expect(page.getByRole('heading', { name: 'Labels & schema', level: 1 })).toBeVisible();
}

const labelRows = (page: Page) => page.getByRole('list', { name: 'Labels' }).getByRole('listitem');
const labelsInStore = (session: Session) =>
  session.core.store.db.prepare('SELECT id, name, color, hotkey FROM labels ORDER BY position').all() as { id: string; name: string; color: string; hotkey: string | null }[];

/** Tags `quote` in the sample report through the service; returns the annotation id. */
function tagSample(session: Session, labelId: string, quote: string): string {
  const ctx = session.core.ctx;
  const doc = listDocuments(ctx).find((d) => sampleTitle.test(d.title))!;
  const start = getDocument(ctx, doc.id).text.indexOf(quote);
  return createAnnotation(ctx, { documentId: doc.id, labelId, start, end: start + quote.length }).id;
}

test('add a label with a hotkey and tag with it in the reader; rename, recolor and reorder', async ({ page, session, reader }) => {
  await openSchema(page);
  await expect(labelRows(page)).toHaveCount(3);
  const form = page.getByRole('form', { name: 'New label' });
  await form.getByRole('textbox', { name: 'New label name' }).fill('Casualty');
  // A key another label has is refused before it is sent.
  await form.getByRole('textbox', { name: 'Hotkey of the new label' }).fill('1');
  await expect(form.getByRole('button', { name: 'Add label' })).toBeDisabled();
  await form.getByRole('textbox', { name: 'Hotkey of the new label' }).fill('4');
  await form.getByRole('button', { name: 'Add label' }).click();
  await expect(labelRows(page)).toHaveCount(4);
  expect(labelsInStore(session).at(-1)).toMatchObject({ name: 'Casualty', hotkey: '4' });

  // Rename, recolor and move it up one place.
  await page.getByRole('textbox', { name: 'Name of Casualty' }).fill('Casualty figure');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: 'Name of Casualty figure' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name of Casualty figure' }).evaluate((el) => (el as HTMLInputElement).blur());
  await page.getByLabel('Color of Casualty figure').fill('#123456');
  await expect.poll(() => labelsInStore(session).at(-1)?.color).toBe('#123456');
  await page.getByRole('button', { name: 'Move Casualty figure up' }).click();
  await expect.poll(() => labelsInStore(session).map((l) => l.name)).toEqual(['Claim', 'Source', 'Casualty figure', 'Location']);
  await expect(page.getByRole('button', { name: 'Move Casualty figure up' })).toBeFocused();

  // The reader knows the new label at once: its key tags the selection.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('40', 'killed');
  await expect(reader.toolbar().getByRole('button', { name: /Casualty figure/ })).toBeVisible();
  await page.keyboard.press('4');
  await expect(reader.cards()).toHaveCount(1);
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Casualty figure');
  const stored = session.core.store.db.prepare('SELECT l.name FROM annotations a JOIN labels l ON l.id = a.label_id').get();
  expect(stored).toEqual({ name: 'Casualty figure' });
});

test('add an attribute, edit its options, and map a removed option in use to another', async ({ page, session }) => {
  const source = tagSample(session, 'source', 'Samir Nuñez');
  setValues(session.core.ctx, source, { kind: 'media' });
  await openSchema(page);
  await labelRows(page).filter({ has: page.getByRole('textbox', { name: 'Name of Source' }) }).getByText(/attributes?$/).click();
  await expect(page.getByRole('heading', { name: 'Attributes of Source' })).toBeVisible();

  const add = page.getByRole('form', { name: 'New attribute for Source' });
  await add.getByRole('textbox', { name: 'Attribute name' }).fill('reliability');
  await add.getByRole('combobox', { name: 'Attribute type' }).selectOption('choice');
  await add.getByRole('textbox', { name: 'Attribute options' }).fill('A, B, C');
  await add.getByRole('button', { name: 'Add attribute' }).click();
  const attributes = page.getByRole('list', { name: 'Attributes of Source' });
  await expect(attributes.getByRole('listitem', { name: 'reliability' })).toBeVisible();
  const row = session.core.store.db.prepare("SELECT type, options FROM label_attributes WHERE label_id = 'source' AND name = 'reliability'").get();
  expect(row).toEqual({ type: 'choice', options: '["A","B","C"]' });

  // Remove "media", which a source uses: the editor asks where its values go.
  const kind = attributes.getByRole('listitem', { name: 'kind' });
  await kind.getByRole('button', { name: 'Remove option media', exact: true }).click();
  await kind.getByRole('button', { name: 'Save options' }).click();
  const dialog = page.getByRole('dialog', { name: 'Options of “kind” in use' });
  await expect(dialog).toContainText('1 annotation uses the option "media"');
  await dialog.getByRole('combobox').selectOption('social media');
  await dialog.getByRole('button', { name: 'Move values and save' }).click();
  await expect(dialog).toBeHidden();
  const value = session.core.store.db.prepare("SELECT value FROM annotation_attributes WHERE attribute_id = 'source-kind'").get();
  expect(value).toEqual({ value: '"social media"' });
  await expect(kind.getByRole('textbox', { name: /^Option \d of kind$/ })).toHaveCount(7);

  // Rename an option in place: values follow.
  await kind.getByRole('textbox', { name: 'Option 5 of kind' }).fill('social networks');
  await kind.getByRole('button', { name: 'Save options' }).click();
  await expect.poll(() => session.core.store.db.prepare("SELECT value FROM annotation_attributes WHERE attribute_id = 'source-kind'").get()).toEqual({
    value: '"social networks"',
  });

  // Relation types: add one between any labels, and delete it.
  const relation = page.getByRole('form', { name: 'New relation type' });
  await relation.getByRole('textbox', { name: 'Relation type name' }).fill('contradicts');
  await relation.getByRole('combobox', { name: 'From label' }).selectOption({ label: 'Claim' });
  await relation.getByRole('combobox', { name: 'To label' }).selectOption({ label: 'Claim' });
  await relation.getByRole('button', { name: 'Add relation type' }).click();
  const types = page.getByRole('list', { name: 'Relation types' });
  await expect(types.getByRole('listitem').filter({ hasText: 'contradicts' })).toContainText('Claim → Claim');
  await types.getByRole('button', { name: 'Delete relation type contradicts' }).click();
  await expect(types.getByRole('listitem')).toHaveCount(2);
});

test('deleting a label in use asks whether to relabel or delete its annotations', async ({ page, session }) => {
  const id = tagSample(session, 'location', 'Kestrava');
  await openSchema(page);
  await page.getByRole('button', { name: 'Delete label Location' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the label “Location”?' });
  await expect(dialog).toContainText('1 annotation uses it');
  await dialog.getByRole('radio', { name: /Relabel them/ }).check();
  await dialog.getByRole('combobox', { name: 'New label' }).selectOption({ label: 'Claim' });
  await dialog.getByRole('button', { name: 'Delete label' }).click();
  await expect(dialog).toBeHidden();
  await expect(labelRows(page)).toHaveCount(2);
  expect(session.core.store.db.prepare('SELECT label_id FROM annotations WHERE id = ?').get(id)).toEqual({ label_id: 'claim' });
  // The library's counts follow the labels that are left.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  const row = page.getByRole('list', { name: 'Reports' }).getByRole('button', { name: sampleTitle });
  await expect(row).toContainText('1 Claim');
  await expect(row).not.toContainText('Location');
});

test('export the schema to a file, and import one: new labels, attributes and relation types are merged', async ({ page, session }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-schema-'));
  const target = path.join(dir, 'team-schema.json');
  session.dialogs.saveAnswers.push(target);
  await openSchema(page);
  await page.getByRole('button', { name: 'Export schema…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Schema saved to' })).toContainText(target);
  const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
  expect(exported.glossaSchema).toBe(1);
  expect(exported.labels.map((l: { name: string }) => l.name)).toEqual(['Claim', 'Source', 'Location']);

  const incoming = path.join(dir, 'incoming.json');
  fs.writeFileSync(
    incoming,
    JSON.stringify({
      glossaSchema: 1,
      labels: [
        { name: 'Claim', color: '#e03131', attributes: [{ name: 'verified by', type: 'text' }] },
        { name: 'Rumour', color: '#7048e8', hotkey: 'r', attributes: [{ name: 'spread', type: 'choice', options: ['local', 'wide'] }] },
      ],
      relationTypes: [{ name: 'repeats', from: 'Rumour', to: 'Claim' }],
    }),
  );
  await page.getByLabel('Import schema').setInputFiles(incoming);
  const outcome = page.getByRole('dialog', { name: 'Schema imported' });
  await expect(outcome).toContainText('Labels added (1)');
  await expect(outcome).toContainText('Rumour');
  await expect(outcome).toContainText('Relation types added (1)');
  await outcome.getByRole('button', { name: 'Close' }).click();
  await expect(labelRows(page)).toHaveCount(4);
  await expect(page.getByRole('list', { name: 'Relation types' })).toContainText('Rumour → Claim');
  expect(labelsInStore(session).map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Rumour']);

  // A malformed file changes nothing and says why.
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{ "glossaSchema": 99, "labels": [] }');
  await page.getByLabel('Import schema').setInputFiles(bad);
  await expect(page.getByRole('alert')).toBeVisible();
  expect(labelsInStore(session)).toHaveLength(4);
});
