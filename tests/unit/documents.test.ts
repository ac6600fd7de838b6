import { describe, expect, it } from 'vitest';
import { getDocument, listDocuments } from '../../electron/services/library/documents';
import { addText, openTestContext } from './helpers';

describe('documents', () => {
  it('reports length in UTF-16 code units, the unit of stored offsets, for text with emoji', () => {
    const { ctx } = openTestContext();
    // Astral emoji, a skin-tone modifier and a ZWJ family: code points and UTF-16 units differ.
    const text = 'The family 👨‍👩‍👧 waved 👍🏽 at Dorsk 🌉.\n\nسامر الخطيب said so.';
    expect([...text].length).toBeLessThan(text.length);
    const id = addText(ctx, text);
    expect(getDocument(ctx, id).length).toBe(text.length);
    expect(listDocuments(ctx).map((d) => d.length)).toEqual([text.length]);
  });
});
