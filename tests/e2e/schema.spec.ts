import fs from 'node:fs';
import path from 'node:path';
import { Seeder } from './analysis-seed';
import { expect, sampleTitle, test } from './fixtures';
import { tempDir } from './temp-dir';

test('add a label with a hotkey and tag with it in the reader; rename, recolor and reorder', async ({ page, app, schema, reader, state }) => {
  await schema.open();
  // Claim, Source, Location and the default event types (Battle, Violence against civilians, Protest).
  await expect(schema.labelRows()).toHaveCount(6);
  await schema.newLabelName().fill('Casualty');
  // A key another label has is refused before it is sent.
  await schema.newLabelHotkey().fill('1');
  await expect(schema.addLabelButton()).toBeDisabled();
  await schema.newLabelHotkey().fill('4');
  await schema.addLabelButton().click();
  await expect(schema.labelRows()).toHaveCount(7);
  expect((await state.labels()).at(-1)).toMatchObject({ name: 'Casualty', hotkey: '4' });

  // Rename, recolor and move it up one place.
  await schema.nameField('Casualty').fill('Casualty figure');
  await page.keyboard.press('Enter');
  await expect(schema.nameField('Casualty figure')).toBeVisible();
  await schema.nameField('Casualty figure').evaluate((el) => (el as HTMLInputElement).blur());
  await schema.colorField('Casualty figure').fill('#123456');
  await expect.poll(async () => (await state.labels()).at(-1)?.color).toBe('#123456');
  await schema.moveUpButton('Casualty figure').click();
  await expect.poll(async () => (await state.labels()).map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Casualty figure', 'Protest']);
  await expect(schema.moveUpButton('Casualty figure')).toBeFocused();

  // The reader knows the new label at once: its key tags the selection.
  await app.show('Library');
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('40', 'killed');
  await expect(reader.toolbarButtons(/Casualty figure/)).toBeVisible();
  await page.keyboard.press('4');
  await expect(reader.cards()).toHaveCount(1);
  await expect(reader.highlights().first()).toHaveAttribute('title', 'Casualty figure');
  const [stored] = await state.annotations();
  const labels = await state.labels();
  expect(labels.find((l) => l.id === stored!.labelId)?.name).toBe('Casualty figure');
});

test('add an attribute, edit its options, and map a removed option in use to another', async ({ schema, session, state }) => {
  Seeder.sample(session.core.ctx).span('source', 'Samir Nuñez', { kind: 'media' });
  await schema.open();
  await schema.showAttributesOf('Source');
  await expect(schema.attributesHeading('Source')).toBeVisible();

  await schema.addAttribute('Source', { name: 'reliability', type: 'choice', options: 'A, B, C' });
  await expect(schema.attribute('reliability', 'Source')).toBeVisible();
  const reliability = (await state.attributes('source')).find((a) => a.name === 'reliability');
  expect(reliability).toMatchObject({ type: 'choice', options: ['A', 'B', 'C'] });

  // Remove "media", which a source uses: the editor asks where its values go.
  await schema.removeOption('kind', 'media');
  await schema.saveOptions('kind');
  const dialog = schema.optionsInUseDialog('kind');
  await expect(dialog).toContainText('1 annotation uses the option "media"');
  await schema.moveValuesTo('kind', 'social media');
  await expect(dialog).toBeHidden();
  const kindOf = async () => (await state.attributeValues((await state.annotation('Samir Nuñez')).id))['source-kind'];
  expect(await kindOf()).toBe('social media');
  await expect(schema.optionFields('kind')).toHaveCount(7);

  // Rename an option in place: values follow.
  await schema.optionField('kind', 5).fill('social networks');
  await schema.saveOptions('kind');
  await expect.poll(kindOf).toBe('social networks');

  // Relation types: add one between any labels, and delete it.
  await schema.addRelationType('contradicts', 'Claim', 'Claim');
  await expect(schema.relationType('contradicts')).toContainText('Claim → Claim');
  await schema.deleteRelationType('contradicts');
  await expect(schema.relationType()).toHaveCount(2);
});

test('deleting a label in use asks whether to relabel or delete its annotations', async ({ app, schema, session, state }) => {
  const id = Seeder.sample(session.core.ctx).span('location', 'Kestrava');
  await schema.open();
  await schema.deleteLabelButton('Location').click();
  const dialog = schema.deleteLabelDialog('Location');
  await expect(dialog).toContainText('1 annotation uses it');
  await schema.relabelAndDelete('Location', 'Claim');
  await expect(dialog).toBeHidden();
  await expect(schema.labelRows()).toHaveCount(5);
  expect((await state.annotations()).find((a) => a.id === id)?.labelId).toBe('claim');
  // The library's counts follow the labels that are left.
  await app.show('Library');
  const row = app.library.report(sampleTitle);
  await expect(row).toContainText('1 Claim');
  await expect(row).not.toContainText('Location');
});

test('export the schema to a file, and import one: new labels, attributes and relation types are merged', async ({ app, schema, session, state }) => {
  const dir = tempDir();
  const target = path.join(dir, 'team-schema.json');
  session.dialogs.saveAnswers.push(target);
  await schema.open();
  await schema.exportSchema();
  await expect(app.notice('Schema saved to')).toContainText(target);
  const exported = JSON.parse(fs.readFileSync(target, 'utf8'));
  expect(exported.glossaSchema).toBe(1);
  expect(exported.labels.map((l: { name: string }) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest']);

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
  await schema.importSchema(incoming);
  const outcome = schema.importOutcome();
  await expect(outcome).toContainText('Labels added (1)');
  await expect(outcome).toContainText('Rumour');
  await expect(outcome).toContainText('Relation types added (1)');
  await schema.closeImportOutcome();
  await expect(schema.labelRows()).toHaveCount(7);
  await expect(schema.relationTypes()).toContainText('Rumour → Claim');
  expect((await state.labels()).map((l) => l.name)).toEqual(['Claim', 'Source', 'Location', 'Battle', 'Violence against civilians', 'Protest', 'Rumour']);

  // A malformed file changes nothing and says why.
  const bad = path.join(dir, 'bad.json');
  fs.writeFileSync(bad, '{ "glossaSchema": 99, "labels": [] }');
  await schema.importSchema(bad);
  await expect(app.alert()).toBeVisible();
  expect(await state.labels()).toHaveLength(7);
});
