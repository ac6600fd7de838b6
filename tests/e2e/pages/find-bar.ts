// Page object for the reader's find bar and its Tag all panel, in the words a user would use.
import { expect, type Locator, type Page } from '@playwright/test';

export class FindBar {
  constructor(readonly page: Page) {}

  bar(): Locator {
    return this.page.getByRole('search', { name: 'Find in report' });
  }

  field(): Locator {
    return this.bar().getByRole('textbox', { name: 'Find in report' });
  }

  /** The live count: "3 of 17", "No matches". */
  status(): Locator {
    return this.bar().getByRole('status');
  }

  error(): Locator {
    return this.bar().getByRole('alert');
  }

  option(name: 'Match case' | 'Whole word' | 'Regular expression'): Locator {
    return this.bar().getByRole('checkbox', { name });
  }

  /** Every match painted in the text (only the paragraphs on screen are in the DOM). */
  hits(): Locator {
    return this.page.locator('.reader-text [data-find]');
  }

  current(): Locator {
    return this.page.locator('.reader-text [data-find="current"]');
  }

  /** Ctrl+F, then types the query. */
  async find(query: string): Promise<void> {
    await this.page.keyboard.press('Control+f');
    await expect(this.field()).toBeFocused();
    await this.field().fill(query);
  }

  async expectCount(text: string | RegExp): Promise<void> {
    await expect(this.status()).toHaveText(text);
  }

  /** The text of the current match, read from the DOM (one match may be painted in several pieces). */
  async currentText(): Promise<string> {
    await expect(this.current().first()).toBeVisible();
    return (await this.current().allTextContents()).join('');
  }

  tagAllPanel(): Locator {
    return this.page.getByRole('region', { name: 'Tag matches' });
  }

  /** The listed matches' checkboxes in the Tag all panel. */
  matchCheckboxes(): Locator {
    return this.tagAllPanel().getByRole('list', { name: 'Matches' }).getByRole('checkbox');
  }

  async openTagAll(): Promise<void> {
    await this.bar().getByRole('button', { name: 'Tag all…' }).click();
    await expect(this.tagAllPanel()).toBeVisible();
  }

  async tagChecked(label: string): Promise<void> {
    await this.tagAllPanel().getByRole('combobox', { name: 'Label' }).selectOption({ label });
    await this.tagAllPanel().getByRole('button', { name: new RegExp(`^Tag \\d+ match(es)? as ${label}$`) }).click();
  }
}
