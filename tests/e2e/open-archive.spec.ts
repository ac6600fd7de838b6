// .glossa archives opened from the OS or dropped on the window: the import dialog opens at the
// archive's plan. The OS side is simulated by calling openArchiveFromOs, as electron/shell/main.ts
// does for open-file, the first launch's argv and a second instance's argv.
import { openArchiveFromOs } from '../../electron/services/datasets/opened-archive-handlers';
import { projectArchivePlan, writeProjectArchive } from '../harness/archive';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { tempDir } from './temp-dir';

const writeArchive = () => writeProjectArchive(tempDir());

test('an archive the OS opens shows its plan, and importing brings its reports in', async ({ app, session, state }) => {
  const archive = await writeArchive();
  openArchiveFromOs(session.core.ctx, archive);
  const dialog = app.importAnnotations;
  await expect(dialog.dialog()).toContainText(projectArchivePlan);
  await dialog.import();
  await expect(dialog.report()).toContainText('1 new · 0 already in the library');
  await expect(dialog.report()).toContainText('1 imported');
  await dialog.closeReport();
  await expect(app.library.entries()).toHaveCount(2);
  await expect(app.library.entry('Bridge report')).toBeVisible();
  expect(await state.documentCount()).toBe(2);
});

test('an archive opened before the window exists is shown once the window opens', async ({ session }) => {
  const archive = await writeArchive();
  openArchiveFromOs(session.core.ctx, archive);
  const app = new AppPage(await session.openApp());
  await app.ready();
  await expect(app.importAnnotations.dialog()).toContainText(projectArchivePlan);
});

test('a .glossa file dropped on the window opens at its plan; Cancel imports nothing', async ({ app, state }) => {
  const archive = await writeArchive();
  await app.dropPath(archive);
  const dialog = app.importAnnotations;
  await expect(dialog.dialog()).toContainText(projectArchivePlan);
  await dialog.cancel();
  await expect(dialog.dialog()).toBeHidden();
  expect(await state.documentCount()).toBe(1);
});
