// Page object for the whole window: the top bar (screens, menus, import and export), the notices,
// and one object per screen and dialog, as a user finds them.
import { expect, type Locator, type Page } from '@playwright/test';
import type { MenuCommand } from '../../../shared/contract';
import { ClaimsPage } from './claims-page';
import { ExportDialog } from './export-dialog';
import { ImportAnnotationsDialog } from './import-annotations-dialog';
import { ImportProgressPanel, ImportSummary } from './import-dialogs';
import { LibraryPage, ReportDetailsDialog } from './library-page';
import { MapPage } from './map-page';
import { clickTab, type ScreenTab } from './navigation';
import { ReaderPage } from './reader-page';
import { SchemaPage } from './schema-page';

export type ImportMenuItem = 'Files…' | 'Folder…' | 'From clipboard' | 'Annotated data…';

export class AppPage {
  readonly library: LibraryPage;
  readonly reader: ReaderPage;
  readonly claims: ClaimsPage;
  readonly map: MapPage;
  readonly schema: SchemaPage;
  readonly exportDialog: ExportDialog;
  readonly importAnnotations: ImportAnnotationsDialog;
  readonly importProgress: ImportProgressPanel;
  readonly details: ReportDetailsDialog;

  constructor(readonly page: Page) {
    this.library = new LibraryPage(page);
    this.reader = new ReaderPage(page);
    this.claims = new ClaimsPage(page);
    this.map = new MapPage(page);
    this.schema = new SchemaPage(page);
    this.exportDialog = new ExportDialog(page);
    this.importAnnotations = new ImportAnnotationsDialog(page);
    this.importProgress = new ImportProgressPanel(page);
    this.details = new ReportDetailsDialog(page);
  }

  /** Resolves once the library has loaded: its shortcuts and menu listeners are on. */
  async ready(): Promise<void> {
    await this.page.locator('main:not([aria-busy="true"])').waitFor();
  }

  main(): Locator {
    return this.page.getByRole('main');
  }

  /** The heading of the screen on show. */
  heading(name: string): Locator {
    return this.page.getByRole('heading', { name, level: 1 });
  }

  /** Reloads the window (after seeding the store behind its back) and waits for the library. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.ready();
  }

  async show(tab: ScreenTab): Promise<void> {
    await clickTab(this.page, tab);
  }

  /** Sends a command from the application menu, as the Electron shell's menu does. */
  async menu(command: MenuCommand): Promise<void> {
    await this.page.evaluate((c) => window.__glossaMenu(c), command);
  }

  importButton(): Locator {
    return this.page.getByRole('button', { name: 'Import', exact: true });
  }

  menuItem(name: ImportMenuItem): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  async importFrom(item: ImportMenuItem): Promise<void> {
    await this.importButton().click();
    await this.menuItem(item).click();
  }

  /** The summary of the last import: 'Import finished', or 'Import cancelled'. */
  importSummary(title: 'Import finished' | 'Import cancelled' = 'Import finished'): ImportSummary {
    return new ImportSummary(this.page, title);
  }

  async openExport(): Promise<ExportDialog> {
    await this.page.getByRole('button', { name: 'Export…' }).click();
    return this.exportDialog;
  }

  async openDetails(): Promise<ReportDetailsDialog> {
    await this.page.getByRole('button', { name: 'Details…' }).click();
    return this.details;
  }

  /** A passing message (role status) that contains `text`. */
  notice(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Clicks Undo on the message that contains `text`. */
  async undoFrom(text: string | RegExp): Promise<void> {
    await this.notice(text).getByRole('button', { name: 'Undo' }).click();
  }

  /** An error message. */
  alert(): Locator {
    return this.page.getByRole('alert');
  }

  /** Drops files made in the page (name and text) on the window, as from a file manager. */
  async dropFiles(files: { name: string; text: string; type?: string }[]): Promise<void> {
    await this.page.evaluate((list) => {
      const transfer = new DataTransfer();
      for (const f of list) transfer.items.add(new File([f.text], f.name, { type: f.type ?? '' }));
      const target = document.querySelector('main')!;
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, files);
  }

  /** Drops a file or folder of the disk on the window (the harness reads a File named by its path). */
  async dropPath(absolutePath: string): Promise<void> {
    await this.dropFiles([{ name: absolutePath, text: '' }]);
  }

  async expectScreen(name: string): Promise<void> {
    await expect(this.heading(name)).toBeVisible();
  }
}
