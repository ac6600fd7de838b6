// Page objects for the library: the list of reports, the empty library, and a report's details.
import { type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  constructor(readonly page: Page) {}

  reports(): Locator {
    return this.page.getByRole('list', { name: 'Reports' });
  }

  /** Every report's entry in the list. */
  entries(): Locator {
    return this.reports().getByRole('listitem');
  }

  /** A report's entry, with its details button and tags. */
  entry(title: RegExp | string): Locator {
    return this.entries().filter({ hasText: title });
  }

  /** The button that opens a report: its title, outlet and label counts. */
  report(title: RegExp | string): Locator {
    return this.reports().getByRole('button', { name: title });
  }

  tags(title: RegExp | string): Locator {
    return this.entry(title).getByLabel('Tags');
  }

  async openDetails(title: RegExp | string): Promise<void> {
    await this.entry(title).getByRole('button', { name: 'Details…' }).click();
  }

  emptyHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Your library is empty' });
  }

  importReportsButton(): Locator {
    return this.page.getByRole('button', { name: 'Import reports…' });
  }
}

/** "Report details": edit a report's metadata, or delete it. */
export class ReportDetailsDialog {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Report details' });
  }

  async fill(fields: { author?: string; tags?: string }): Promise<void> {
    if (fields.author !== undefined) await this.dialog().getByRole('textbox', { name: 'Author' }).fill(fields.author);
    if (fields.tags !== undefined) await this.dialog().getByRole('textbox', { name: 'Tags' }).fill(fields.tags);
  }

  async save(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Save' }).click();
  }

  /** Delete report…, then confirm. */
  async deleteReport(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Delete report…' }).click();
    await this.dialog().getByRole('button', { name: 'Delete', exact: true }).click();
  }
}
