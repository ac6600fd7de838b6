// Page object for "Export annotations": format, scope, labels, offsets, the preview, and export.
import { type Locator, type Page } from '@playwright/test';

export class ExportDialog {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export annotations' });
  }

  /** A format's choice, by the start of its name ('JSONL', 'CSV', 'doccano', 'brat'…). */
  format(name: string): Locator {
    return this.dialog().getByRole('radio', { name: new RegExp(`^${name}`) });
  }

  /** A scope's choice, by a part of its name ('whole library', 'This report only', 'Selected reports'). */
  scope(name: string): Locator {
    return this.dialog().getByRole('radio', { name: new RegExp(name) });
  }

  /** The reports to choose from when the scope is "Selected reports". */
  reportChoices(): Locator {
    return this.dialog().getByRole('group', { name: 'Reports to export' }).getByRole('checkbox');
  }

  label(name: string): Locator {
    return this.dialog().getByRole('checkbox', { name, exact: true });
  }

  utf16Offsets(): Locator {
    return this.dialog().getByRole('checkbox', { name: /UTF-16 offsets/ });
  }

  preview(): Locator {
    return this.dialog().getByRole('region', { name: 'Preview' });
  }

  /** The first record of the preview, once it is shown. */
  previewRecord(): Locator {
    return this.preview().locator('pre').first();
  }

  /** "Choose file and export…", or for a format written as a folder, "Choose folder and export…". */
  exportButton(): Locator {
    return this.dialog().getByRole('button', { name: /^Choose (file|folder) and export…$/ });
  }

  async export(): Promise<void> {
    await this.exportButton().click();
  }

  /** Asked after the save dialog when the folder holds a previous Glossa export. */
  replaceQuestion(): Locator {
    return this.page.getByRole('dialog', { name: 'Replace the previous export?' });
  }

  /** Shown after the save dialog when the target was refused (the store, a device, a read-only file…). */
  refusal(): Locator {
    return this.page.getByRole('dialog', { name: 'Export not written' });
  }
}
