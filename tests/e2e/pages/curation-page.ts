// Page object for the Curation screen: the report, layers and rule, the candidates by analyst,
// their actions, the edit dialog and the progress.
import type { Locator, Page } from '@playwright/test';
import { showScreen } from './navigation';

export class CurationPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Curation', 'Curation');
  }

  /** Leaves only these analysts checked. */
  async compareOnly(names: readonly string[]): Promise<void> {
    const boxes = this.page.getByRole('group', { name: 'Layers compared' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const box = boxes.nth(i);
      const name = ((await box.evaluate((b) => b.parentElement?.textContent ?? '')) as string).trim();
      await box.setChecked(names.includes(name));
    }
  }

  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('Control+6');
    await this.page.getByRole('heading', { name: 'Curation', level: 1 }).waitFor();
  }

  report(): Locator {
    return this.page.getByRole('combobox', { name: 'Report' });
  }

  rule(name: 'Unanimous' | 'Majority' | 'At least…'): Locator {
    return this.page.getByRole('radiogroup', { name: 'Rule for agreed spans' }).getByRole('radio', { name });
  }

  progress(): Locator {
    return this.page.locator('.curation-screen .screen-head [role="status"]');
  }

  rows(): Locator {
    return this.page.getByRole('table', { name: 'Candidate spans by analyst' }).locator('.candidate-row:not(.head)');
  }

  row(quote: string): Locator {
    return this.rows().filter({ has: this.page.getByRole('cell', { name: quote, exact: true }) });
  }

  async acceptAgreed(): Promise<void> {
    await this.page.getByRole('button', { name: 'Accept agreed spans' }).click();
  }

  noteField(): Locator {
    return this.page.getByRole('textbox', { name: 'Note for the next decision' });
  }

  action(verb: 'Accept' | 'Reject' | 'Edit' | 'Undo', quote: string): Locator {
    const names = { Accept: `Accept “${quote}”`, Reject: `Reject “${quote}”`, Edit: `Edit “${quote}” into gold`, Undo: `Undo the decision on “${quote}”` };
    return this.page.getByRole('button', { name: names[verb], exact: verb !== 'Accept' });
  }

  editDialog(): Locator {
    return this.page.getByRole('dialog');
  }
}
