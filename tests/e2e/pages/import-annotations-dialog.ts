// Page object for "Import annotations": choose a format and a file (or open a .glossa archive
// from outside, which starts at its plan), see what it holds, import, and the report of what came
// in and what could not be anchored.
import { type Locator, type Page } from '@playwright/test';

export class ImportAnnotationsDialog {
  constructor(readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Import annotations' });
  }

  /** "Choose file…" ("Choose folder…" for brat): the dialog port's open dialog answers. */
  async chooseFile(): Promise<void> {
    await this.dialog().getByRole('button', { name: /^Choose (file|folder)…$/ }).click();
  }

  /** "Label map…" (doccano): a JSON file naming label ids, chosen through the file input. */
  async chooseLabelMap(file: string): Promise<void> {
    await this.dialog().getByLabel('Label map (names for doccano label ids)').setInputFiles(file);
  }

  /** The offer to create the labels the file uses that the schema lacks. */
  createMissingLabels(): Locator {
    return this.dialog().getByRole('checkbox', { name: /Create the labels it uses that are missing/ });
  }

  async cancel(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Cancel' }).click();
  }

  async import(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Import' }).click();
  }

  alert(): Locator {
    return this.dialog().getByRole('alert');
  }

  report(): Locator {
    return this.page.getByRole('dialog', { name: 'Annotations imported' });
  }

  /** The report's list of annotations that could not be anchored. */
  unanchored(): Locator {
    return this.report().getByRole('listitem');
  }

  async closeReport(): Promise<void> {
    await this.report().getByRole('button', { name: 'Close' }).click();
  }
}
