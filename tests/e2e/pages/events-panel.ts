// Page object for events in the reader: the Events list in the sidebar, New Event and Add role.
import { expect, type Locator, type Page } from '@playwright/test';

export class EventsPanel {
  constructor(readonly page: Page) {}

  list(): Locator {
    return this.page.getByRole('region', { name: /^Events/ });
  }

  cards(): Locator {
    return this.list().locator('article.event-card');
  }

  /** The card of the event of `type` whose trigger is `trigger`. */
  card(type: string, trigger: string): Locator {
    return this.page.getByRole('article', { name: `${type} event: ${trigger}` });
  }

  /** The role chips of a card (the button that shows the span), as they read: "actor: “Rebels”". */
  roles(card: Locator): Locator {
    return card.getByRole('list', { name: 'Roles' }).locator('.role-target');
  }

  newEventDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^New event on/ });
  }

  /** New Event by keyboard on what is selected: Shift+E, the type, Enter. */
  async createByKeyboard(type: string): Promise<void> {
    await this.page.keyboard.press('Shift+E');
    const dialog = this.newEventDialog();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Event type' }).selectOption({ label: type });
    await dialog.getByRole('combobox', { name: 'Event type' }).press('Enter');
    await expect(dialog).toBeHidden();
  }

  roleDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Add a role to/ });
  }

  /** Add role… on the card, choose the role, type the start of the span's quote, Enter. */
  async addRole(card: Locator, role: string, quote: string): Promise<void> {
    await card.getByRole('button', { name: /^Add role/ }).click();
    const dialog = this.roleDialog();
    await dialog.getByRole('combobox', { name: 'Role' }).selectOption(role);
    const span = dialog.getByRole('searchbox', { name: 'Span' });
    await span.fill(quote);
    await expect(dialog.getByRole('listbox', { name: 'Spans for the role' }).getByRole('option').first()).toContainText(quote);
    await span.press('Enter');
    await expect(dialog).toBeHidden();
  }

  /** Add role… on the card, choose the role, then click the span's highlight in the text. */
  async pickRoleInText(card: Locator, role: string, highlight: Locator): Promise<void> {
    await card.getByRole('button', { name: /^Add role/ }).click();
    await this.roleDialog().getByRole('combobox', { name: 'Role' }).selectOption(role);
    await this.roleDialog().getByRole('button', { name: 'Pick in the text…' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: `Choosing the ${role}` })).toBeVisible();
    await highlight.click();
  }
}
