// Page object for the Team menu's dialogs, the top bar's sync indicator and the sync progress panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class TeamPage {
  constructor(readonly page: Page) {}

  /** The top bar's sync indicator (shown while the library is in a team). */
  indicator(): Locator {
    return this.page.getByRole('button', { name: /^Team sync:/ });
  }

  /** The live region announcing each sync's end. */
  announcement(): Locator {
    return this.page.locator('.team-indicator [role="status"]');
  }

  dialog(name: 'Connect to a team server' | 'Team status' | 'Review conflicts' | 'Leave the team?'): Locator {
    return this.page.getByRole('dialog', { name });
  }

  connectDialog(): Locator {
    return this.dialog('Connect to a team server');
  }

  /** Fills Team ▸ Connect to Team Server… and presses Connect (the dialog stays open on a refusal). */
  async connect(url: string, token: string): Promise<void> {
    const dialog = this.connectDialog();
    if (!(await dialog.isVisible())) await this.page.evaluate(() => window.__glossaMenu('team-connect'));
    await dialog.getByLabel('Server address').fill(url);
    await dialog.getByLabel('Token').fill(token);
    await dialog.getByRole('button', { name: 'Connect' }).click();
  }

  /** The panel a long sync shows, with Cancel. */
  progressPanel(): Locator {
    return this.page.getByRole('region', { name: 'Team sync in progress' });
  }

  connectError(): Locator {
    return this.connectDialog().getByRole('alert');
  }

  conflicts(): Locator {
    return this.dialog('Review conflicts').getByRole('listitem');
  }

  async expectNoDialog(): Promise<void> {
    await expect(this.page.getByRole('dialog')).toHaveCount(0);
  }
}
