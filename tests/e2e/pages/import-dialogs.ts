// Page objects for importing reports: the progress panel of a long import and the summary after it.
import { type Locator, type Page } from '@playwright/test';

export class ImportProgressPanel {
  constructor(readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('dialog', { name: 'Import in progress' });
  }

  /** "Importing n of total". */
  counter(total: number): Locator {
    return this.panel().getByText(new RegExp(`^Importing \\d+ of ${total}$`));
  }

  async cancel(): Promise<void> {
    await this.panel().getByRole('button', { name: 'Cancel import' }).click();
  }

  /** Starts recording each text the progress bar's heading shows, for `seen()`. */
  async record(): Promise<void> {
    await this.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('.import-progress');
        if (bar) seen.push(bar.querySelector('strong')?.textContent ?? '');
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  }

  async seen(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
  }

  /** Resolves once the progress bar has counted `files` files. */
  async waitForDone(files: number): Promise<void> {
    await this.page.waitForFunction((n) => Number(document.querySelector('.import-progress progress')?.getAttribute('value') ?? 0) >= n, files);
  }
}

export class ImportSummary {
  constructor(
    readonly page: Page,
    readonly title: 'Import finished' | 'Import cancelled',
  ) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: this.title });
  }

  items(): Locator {
    return this.dialog().getByRole('listitem');
  }

  /** The entry of one file or report. */
  item(name: string): Locator {
    return this.items().filter({ hasText: name });
  }

  /** How many reports the first line says were imported. */
  async importedCount(): Promise<number> {
    const line = (await this.dialog().locator('p').first().textContent()) ?? '';
    return Number(/^(\d+) imported/.exec(line)?.[1]);
  }

  /** Re-reads a report whose encoding was guessed, as another encoding, from its entry. */
  async reread(name: string, encoding: string): Promise<void> {
    const entry = this.item(name);
    await entry.getByLabel('Read as').selectOption(encoding);
    await entry.getByRole('button', { name: `Re-read ${name} as ${encoding}` }).click();
  }

  async openReport(title: RegExp | string): Promise<void> {
    await this.dialog().getByRole('button', { name: title }).click();
  }

  async close(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close' }).click();
  }
}
