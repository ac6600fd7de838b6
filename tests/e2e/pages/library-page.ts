// Page objects for the library: the grid of reports (one row each, drawn only on screen), its
// filters and selection, the empty library, and a report's details.
import { expect, type Locator, type Page } from '@playwright/test';

export class LibraryPage {
  constructor(readonly page: Page) {}

  /** The grid of reports. */
  reports(): Locator {
    return this.page.getByRole('grid', { name: 'Reports' });
  }

  /** Every report's row on screen (not the header row). */
  entries(): Locator {
    return this.reports().locator('[role="row"][data-id]');
  }

  /** A report's row: title, outlet, author, date, label counts, tags and its details button. */
  entry(title: RegExp | string): Locator {
    return this.entries().filter({ hasText: title });
  }

  /** A report's row, as the keyboard focuses it. */
  report(title: RegExp | string): Locator {
    return this.entry(title);
  }

  /** The row's title button, which opens the report. */
  openButton(title: RegExp | string): Locator {
    return this.entry(title).locator('.doc-open');
  }

  /** Titles of the rows on screen, top to bottom. */
  async titles(): Promise<string[]> {
    return this.entries().locator('.doc-open').allTextContents();
  }

  filterText(): Locator {
    return this.page.getByRole('searchbox', { name: 'Filter reports' });
  }

  /** Opens the panel of more filters (tag, outlet, dates, state) if it is closed. */
  async moreFilters(): Promise<Locator> {
    const toggle = this.page.getByRole('button', { name: /^Filters/ });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.page.getByRole('group', { name: 'More filters' });
  }

  /** A column header's sort button ('Title', 'Outlet', 'Author', 'Date', 'Annotations'). */
  sortButton(column: string): Locator {
    return this.reports().getByRole('columnheader', { name: column }).getByRole('button');
  }

  columnHeader(column: string): Locator {
    return this.reports().getByRole('columnheader', { name: column });
  }

  /** The count line: "N reports", "N of M reports match", "· K selected". */
  status(): Locator {
    return this.page.locator('.library-head .hint');
  }

  selectionBar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Selected reports' });
  }

  selectedRows(): Locator {
    return this.reports().locator('[role="row"][aria-selected="true"]');
  }

  /** Scrolls the grid until the report's row is drawn. */
  async scrollTo(title: string): Promise<Locator> {
    const scroller = this.reports().locator('.library-scroll');
    const row = this.entry(title);
    const loading = this.reports().locator('[role="row"][aria-busy="true"]');
    // One screen at a time, each drawn before the next: scrolling on while rows still load skips past them.
    for (let i = 0; i < 200; i++) {
      await expect(loading).toHaveCount(0);
      if ((await row.count()) > 0) break;
      await scroller.evaluate((el) => el.scrollBy(0, el.clientHeight));
    }
    await expect(row).toBeVisible();
    return row;
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
