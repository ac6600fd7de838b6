// Page object for the Agreement screen: the analysts compared, the counts, the matrix of pairs
// by label, the reports and a report's disagreements.
import type { Locator, Page } from '@playwright/test';
import { showScreen } from './navigation';

export class AgreementPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Agreement', 'Agreement');
  }

  /** Opens the screen with its shortcut (Ctrl+5). */
  /** Leaves only these analysts checked. */
  async compareOnly(names: readonly string[]): Promise<void> {
    const boxes = this.page.getByRole('group', { name: 'Analysts compared' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i += 1) {
      const box = boxes.nth(i);
      const name = ((await box.evaluate((b) => b.parentElement?.textContent ?? '')) as string).trim();
      await box.setChecked(names.includes(name));
    }
  }

  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('Control+5');
    await this.page.getByRole('heading', { name: 'Agreement', level: 1 }).waitFor();
  }

  status(): Locator {
    return this.page.locator('.agreement-screen .screen-head [role="status"]');
  }

  analyst(name: string): Locator {
    return this.page.getByRole('group', { name: 'Analysts compared' }).getByRole('checkbox', { name });
  }

  counts(): Locator {
    return this.page.getByRole('region', { name: 'Counts behind the figures' });
  }

  measure(name: string): Locator {
    return this.page.getByRole('radiogroup', { name: 'Measure' }).getByRole('radio', { name });
  }

  matrix(): Locator {
    return this.page.locator('table.agreement-matrix');
  }

  /** The figure in the matrix for a row (pair or 'All analysts') and a column (label or 'Every label'). */
  async cell(row: string, column: string): Promise<string> {
    const headers = await this.matrix().locator('thead th').allTextContents();
    const index = headers.indexOf(column);
    if (index < 0) throw new Error(`no column ${column} in ${headers.join(', ')}`);
    const line = this.matrix().locator('tbody tr', { has: this.page.getByRole('rowheader', { name: row, exact: true }) });
    return (await line.locator('th, td').nth(index).textContent()) ?? '';
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  async drillInto(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Disagreements in ${title}` }).click();
  }

  disagreements(): Locator {
    return this.page.getByRole('region', { name: /^Disagreements in / }).locator('button.disagreement');
  }
}
