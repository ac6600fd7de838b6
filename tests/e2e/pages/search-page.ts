// Page object for the Search screen: the query box and filters, the results grouped by report,
// the live count, paging, and the consistency reports.
import type { Locator, Page } from '@playwright/test';
import { showScreen } from './navigation';

export class SearchPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Search', 'Search');
  }

  /** Opens the screen with its shortcut (Ctrl+Shift+F). */
  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('Control+Shift+F');
    await this.page.getByRole('heading', { name: 'Search', level: 1 }).waitFor();
  }

  queryBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search reports' });
  }

  async search(query: string): Promise<void> {
    await this.queryBox().fill(query);
  }

  insideSpansOf(): Locator {
    return this.page.getByRole('combobox', { name: 'Inside spans of' });
  }

  /** The live count of reports found. */
  count(): Locator {
    return this.page.locator('.search-count[role="status"]');
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }

  results(): Locator {
    return this.page.getByRole('list', { name: 'Reports found' });
  }

  /** The reports found, in rank order, as their list items. */
  reports(): Locator {
    return this.results().locator(':scope > li');
  }

  /** The hits of the report with this title (all hits when omitted). */
  hits(title?: string): Locator {
    const scope = title ? this.reports().filter({ has: this.page.getByRole('heading', { name: title }) }) : this.results();
    return scope.locator('button.search-hit');
  }

  /** The marked matches of the hits, in order. */
  marks(): Promise<string[]> {
    return this.results().locator('mark').allTextContents();
  }

  showConsistency(): Promise<void> {
    return this.page.getByRole('radio', { name: 'Consistency' }).check();
  }

  consistencyList(name: 'Same text, different labels' | 'Tagged here, not there'): Locator {
    return this.page.getByRole('list', { name });
  }
}
