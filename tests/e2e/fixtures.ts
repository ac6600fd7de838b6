import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { launchChromium, startSession, type Session } from '../harness/harness';
import { ReaderPage } from './reader-page';

interface Fixtures {
  session: Session;
  page: Page;
  reader: ReaderPage;
}

export const test = base.extend<Fixtures, { glossaBrowser: Browser }>({
  glossaBrowser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  session: async ({ glossaBrowser }, use) => {
    const session = await startSession(glossaBrowser);
    await use(session);
    await session.close();
  },
  page: async ({ session }, use) => {
    const page = await session.openApp();
    // The app is up once the library has loaded (its shortcuts and menu listeners are on).
    await page.waitForSelector('main:not([aria-busy="true"])');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the renderer').toEqual([]);
  },
  reader: async ({ page }, use) => {
    await use(new ReaderPage(page));
  },
});

export { expect };
export const sampleTitle = /Rebels claim capture of Dorsk/;
