// The import summary says what a PDF lost or read badly: pages of unreadable text named, and
// control characters dropped with their count, in a list a screen reader names.
import fs from 'node:fs';
import path from 'node:path';
import { partlyUnmapped } from '../fixtures/pdf-layouts';
import { expect, test } from './fixtures';
import { tempDir } from './temp-dir';

test('a PDF with garbled pages imports with a warning naming them, and the dropped characters counted', async ({ app, session }) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'garbled.pdf'), partlyUnmapped(5, [2, 3]));
  session.dialogs.openAnswers.push([path.join(dir, 'garbled.pdf')]);
  await app.importFrom('Files…');
  const summary = app.importSummary();
  await expect(summary.dialog()).toContainText('1 imported · 0 already in the library · 0 could not be imported · 1 with warnings', { timeout: 30_000 });
  const notes = summary.dialog().getByRole('list', { name: /^Notes on/ });
  await expect(notes).toContainText('Warning: Pages 2–3 of garbled.pdf have mostly unreadable text');
  await expect(notes).toContainText(/\d+ control characters \(glyph codes of fonts without a Unicode map\) dropped/);
});

test('the warnings stay with the report: a banner in the reader (dismissed for the session) and the details panel', async ({ app, session }) => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'garbled.pdf'), partlyUnmapped(5, [2, 3]));
  session.dialogs.openAnswers.push([path.join(dir, 'garbled.pdf')]);
  await app.importFrom('Files…');
  const summary = app.importSummary();
  await expect(summary.dialog()).toContainText('1 with warnings', { timeout: 30_000 });
  await summary.close();
  await app.library.openButton(/./).first().click();
  const banner = app.page.getByRole('status', { name: 'Import warnings' });
  await expect(banner).toContainText('Pages 2–3 of garbled.pdf have mostly unreadable text');
  await banner.getByRole('button', { name: 'Dismiss the import warnings for this session' }).click();
  await expect(banner).toHaveCount(0);
  const details = await app.openDetails();
  await expect(details.dialog().getByRole('heading', { name: 'What the import said' })).toBeVisible();
  await expect(details.dialog()).toContainText('Pages 2–3 of garbled.pdf have mostly unreadable text');
  await expect(details.dialog()).toContainText(/\d+ control characters .* dropped/);
  await details.dialog().getByRole('button', { name: 'Cancel' }).click();
  // Back in the library and into the report again: still dismissed while the app runs.
  await app.show('Library');
  await app.library.openButton(/./).first().click();
  await expect(app.page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(banner).toHaveCount(0);
});
