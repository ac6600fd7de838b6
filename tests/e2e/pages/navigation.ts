// The main navigation's tabs, shared by the app and the screens it opens.
import type { Page } from '@playwright/test';

/** The screens of the main navigation, by the names on their tabs. */
export type ScreenTab = 'Library' | 'Claims' | 'Map' | 'Labels' | 'Search' | 'Agreement' | 'Curation';

export async function clickTab(page: Page, tab: ScreenTab): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: tab, exact: true }).click();
}

/** Clicks the tab and waits for the screen's heading. */
export async function showScreen(page: Page, tab: ScreenTab, heading: string): Promise<void> {
  await clickTab(page, tab);
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}
