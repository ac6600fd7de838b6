// Page object for one annotation's card in the reader's sidebar.
import { expect, type Locator } from '@playwright/test';

export class AnnotationCard {
  constructor(readonly root: Locator) {}

  /** The quote: a click shows the span in the text and selects it. */
  quote(): Locator {
    return this.root.locator('.quote');
  }

  label(): Locator {
    return this.root.getByRole('combobox', { name: 'Label' });
  }

  /** Cards are compact summaries; the fields open on demand (and on the selected card). */
  async openDetails(): Promise<void> {
    const toggle = this.root.getByRole('button', { name: 'Details' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  }

  /** The chips that sum up the card's values (status, confidence…), or "not reviewed". */
  summary(): Locator {
    return this.root.getByRole('list', { name: 'Values' });
  }

  status(): Locator {
    return this.root.getByRole('combobox', { name: 'status' });
  }

  note(): Locator {
    return this.root.getByRole('textbox', { name: 'Note' });
  }

  links(): Locator {
    return this.root.getByRole('list', { name: 'Links' });
  }

  /** Types a note and leaves the field, which saves it. */
  async writeNote(text: string): Promise<void> {
    await this.note().fill(text);
    await this.note().press('Tab');
    await expect(this.root).toContainText('Saved');
  }

  async delete(): Promise<void> {
    await this.root.getByRole('button', { name: 'Delete annotation' }).click();
  }

  async startLink(): Promise<void> {
    await this.root.getByRole('button', { name: 'Link…' }).click();
  }

  async resolvePlace(): Promise<void> {
    await this.root.getByRole('button', { name: 'Resolve place…' }).click();
  }
}
