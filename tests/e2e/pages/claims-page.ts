// Page object for the claims table: its rows, sorting by a column, and the filters.
import { type Locator, type Page } from '@playwright/test';
import { showScreen } from './navigation';

const columns = ['Quote', 'Report', 'Date', 'Sources', 'Locations', 'Status', 'Confidence'] as const;
export type ClaimsColumn = (typeof columns)[number];

export class ClaimsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Claims', 'Claims');
  }

  table(): Locator {
    return this.page.getByRole('table', { name: 'Claims' });
  }

  /** The body rows on screen (the table is virtual: only those are in the DOM). */
  rows(): Locator {
    return this.table().locator('.claims-body-row');
  }

  row(quote: string): Locator {
    return this.rows().filter({ hasText: quote });
  }

  focusedRow(): Locator {
    return this.rows().and(this.page.locator(':focus'));
  }

  cell(quote: string, column: ClaimsColumn): Locator {
    return this.row(quote).getByRole('cell').nth(columns.indexOf(column));
  }

  /** The quotes of the rows on screen, top to bottom, in their quotation marks. */
  quotes(): Promise<string[]> {
    return this.rows().locator('.quote-cell').allTextContents();
  }

  columnHeader(column: ClaimsColumn): Locator {
    return this.table().getByRole('columnheader', { name: column });
  }

  async sortBy(column: ClaimsColumn): Promise<void> {
    await this.columnHeader(column).getByRole('button').click();
  }

  filters(): Locator {
    return this.page.getByRole('search', { name: 'Filter claims' });
  }

  /** Picks an option of a filter's list; '' shows all. */
  async filter(name: 'Status' | 'Source kind' | 'Claim type' | 'Confidence' | 'Report tag', option: string): Promise<void> {
    await this.filters().getByRole('combobox', { name, exact: true }).selectOption(option);
  }

  async publishedFrom(date: string): Promise<void> {
    await this.filters().getByLabel('Published from').fill(date);
  }

  async publishedTo(date: string): Promise<void> {
    await this.filters().getByLabel('to', { exact: true }).fill(date);
  }

  async quoteContains(text: string): Promise<void> {
    await this.filters().getByRole('searchbox', { name: 'Quote contains' }).fill(text);
  }

  async clearFilters(): Promise<void> {
    await this.filters().getByRole('button', { name: 'Clear filters' }).click();
  }
}
