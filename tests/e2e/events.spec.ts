// Events in the reader (issue 12): a Battle made by keyboard on a selection, two roles added from
// its card (one from the ranked list, one picked in the text), the chips jump to their spans, and
// undo/redo step back through the roles and the event itself.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { Seeder } from './analysis-seed';
import { expect, test } from './fixtures';
import { EventsPanel } from './pages/events-panel';

const report = [
  'Fighting near Kerem',
  '',
  'Militia fighters attacked an army checkpoint outside Kerem on Monday night, according to local residents. Two soldiers were wounded.',
].join('\n');

test('an event by keyboard, two roles from its card, the chips jump to their spans, undo and redo', async ({ page, app, reader, session, state }) => {
  const seed = Seeder.report(session.core.ctx, { title: 'Fighting near Kerem', text: report });
  const fighters = seed.span('source', 'Militia fighters');
  seed.span('location', 'Kerem', undefined, 'outside ');
  await app.reload();
  await reader.openFromLibrary('Fighting near Kerem');
  const events = new EventsPanel(page);

  // Select "attacked" and press Shift+E: the New Event dialog offers the event types.
  await reader.dragSelect('attacked', 'attacked', { fromAt: 0, toAt: 1 });
  await events.createByKeyboard('Battle');
  const card = events.card('Battle', 'attacked');
  await expect(card).toBeVisible();
  await expect(card.getByText('No roles yet')).toBeVisible();
  // The trigger is painted like a span, in the event type's colour.
  const trigger = reader.span('attacked');
  await expect(trigger).toHaveAttribute('title', 'Battle');
  const battle = (await state.labels()).find((l) => l.name === 'Battle')!;
  const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(battle.color.slice(i, i + 2), 16)).join(', ')})`;
  expect(await trigger.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain(rgb);

  // Roles from the card: the actor from the ranked list, the location picked in the text.
  await events.addRole(card, 'actor', 'Militia');
  await expect(events.roles(card)).toHaveText(['actor: “Militia fighters”']);
  await events.pickRoleInText(card, 'location', reader.span('Kerem'));
  await expect(events.roles(card)).toHaveText(['actor: “Militia fighters”', 'location: “Kerem”']);
  // Screen readers are told what was done.
  await expect(page.locator('.reader-screen > [aria-live="polite"]')).toHaveText('“Kerem” is the location of the event “attacked”.');

  // A chip jumps to its span: the span's card is selected.
  await card.getByRole('button', { name: /actor: “Militia fighters”/ }).click();
  await expect(reader.selectedCard()).toHaveAttribute('data-annotation-id', fighters);

  fs.mkdirSync('/tmp/g-events', { recursive: true });
  await page.getByRole('complementary', { name: 'Annotations' }).screenshot({ path: '/tmp/g-events/sidebar-event-card.png' });
  // axe: no serious or critical violation with an event card shown, nor in the Add role dialog.
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(await serious()).toEqual([]);
  await card.getByRole('button', { name: /^Add role/ }).click();
  await expect(events.roleDialog()).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(events.roleDialog()).toBeHidden();

  const stored = async () => {
    const [event] = (await session.call('events.listForDocument', { documentId: seed.documentId })) as { arguments: { role: string }[] }[];
    return event ? event.arguments.map((a) => a.role) : null;
  };
  expect(await stored()).toEqual(['actor', 'location']);

  // Undo: the location goes, then the actor, then the event with its trigger; redo brings them back.
  await reader.text().focus();
  await page.keyboard.press('Control+z');
  await expect(events.roles(card)).toHaveText(['actor: “Militia fighters”']);
  await page.keyboard.press('Control+z');
  await expect(card.getByText('No roles yet')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(events.cards()).toHaveCount(0);
  await expect(reader.span('attacked')).toHaveCount(0);
  expect(await stored()).toBeNull();
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  await expect(events.roles(events.card('Battle', 'attacked'))).toHaveText(['actor: “Militia fighters”']);
  expect(await stored()).toEqual(['actor']);
});

test('the Labels screen lists the event types with their roles, which the Add role dialog offers', async ({ page, schema, session }) => {
  await schema.open();
  const types = page.getByRole('list', { name: 'Event types' }).getByRole('listitem');
  await expect(types).toHaveText([/Battle/, /Violence against civilians/, /Protest/]);
  const roles = page.getByRole('textbox', { name: 'Roles of Protest, separated by commas' });
  await expect(roles).toHaveValue('actor, target, location, time');
  await roles.fill('organiser, crowd size, location, time');
  await roles.press('Enter');
  await expect.poll(async () => ((await session.call('eventTypes.list', {})) as { name: string; roles: string[] }[]).find((t) => t.name === 'Protest')?.roles).toEqual(['organiser', 'crowd size', 'location', 'time']);
  fs.mkdirSync('/tmp/g-events', { recursive: true });
  await page.locator('.schema-event-types').screenshot({ path: '/tmp/g-events/schema-event-types.png' });

  // A span label can become an event type (with the ACLED roles to start from).
  await page.getByRole('combobox', { name: 'Make an event type' }).selectOption({ label: 'Claim' });
  await page.getByRole('button', { name: 'Make event type' }).click();
  await expect(types).toHaveCount(4);
});
