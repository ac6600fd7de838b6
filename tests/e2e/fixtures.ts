import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { launchChromium, startSession, type Session } from '../harness/harness';
import { StoreState } from '../harness/store-state';
import { AppPage } from './pages/app-page';
import type { ClaimsPage } from './pages/claims-page';
import type { MapPage } from './pages/map-page';
import type { ReaderPage } from './pages/reader-page';
import type { SchemaPage } from './pages/schema-page';

interface Fixtures {
  session: Session;
  page: Page;
  app: AppPage;
  reader: ReaderPage;
  claims: ClaimsPage;
  map: MapPage;
  schema: SchemaPage;
  /** What the store holds, read through the dispatcher. */
  state: StoreState;
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
    await new AppPage(page).ready();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'uncaught errors in the renderer').toEqual([]);
  },
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
  reader: async ({ app }, use) => use(app.reader),
  claims: async ({ app }, use) => use(app.claims),
  map: async ({ app }, use) => use(app.map),
  schema: async ({ app }, use) => use(app.schema),
  state: async ({ session }, use) => {
    await use(new StoreState(session.call));
  },
});

/** Quits and relaunches the app on the same store; the new window once its library has loaded. */
export async function restart(session: Session): Promise<AppPage> {
  const app = new AppPage(await session.restart());
  await app.ready();
  return app;
}

export { expect };
export const sampleTitle = /Rebels claim capture of Dorsk/;
