// In a text field, Ctrl+Z undoes the typing (not the last annotation) and Ctrl+Shift+V pastes
// there instead of importing the clipboard as a new report; the same menu command, sent while a
// field has focus (as macOS's menu does for its accelerators), edits the field too.
import { expect, sampleTitle, test } from './fixtures';

test('Ctrl+Z and Ctrl+Shift+V in a note stay in the note', async ({ page, app, reader, session }) => {
  await reader.openFromLibrary(sampleTitle);
  await reader.dragSelect('Kestrava', 'Kestrava', { fromAt: 0.2, toAt: 0.9 });
  await page.keyboard.press('1');
  const note = reader.annotation('Kestrava').note();
  await note.click();
  await page.keyboard.type('Provincial');
  await expect(note).toHaveValue('Provincial');

  await page.keyboard.press('Control+z');
  await expect(note).not.toHaveValue('Provincial');
  await expect(reader.cards()).toHaveCount(1);

  let clipboardReads = 0;
  session.core.ctx.clipboard = {
    readHtml: () => {
      clipboardReads += 1;
      return '<html><head><title>Pasted wire</title></head><body><p>A convoy reached Halvik on Monday.</p></body></html>';
    },
    readText: () => 'A convoy reached Halvik on Monday.',
  };
  await page.keyboard.press('Control+Shift+V');
  await expect(note).toBeFocused();
  // The menu's Undo while the note has focus: the note's own undo, not the tagging.
  await note.fill('');
  await page.keyboard.type('Capital');
  await page.evaluate(() => window.__glossaMenu('undo'));
  await expect(note).not.toHaveValue('Capital');
  await expect(reader.cards()).toHaveCount(1);

  // Outside the field the keys reach the annotation history again.
  await reader.text().focus();
  await page.keyboard.press('Control+z');
  // Undo says what it undid, naming the annotation.
  await expect(app.notice(/^(Put back the note on|Removed the Claim) “Kestrava”\./)).toBeVisible();

  // Outside a field, Ctrl+Shift+V imports: once, for this press only.
  await page.keyboard.press('Control+Shift+V');
  await expect(app.importSummary().dialog()).toContainText('1 imported', { timeout: 30_000 });
  expect(clipboardReads).toBe(1);
});
