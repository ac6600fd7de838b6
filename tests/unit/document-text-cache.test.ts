// documents.get fills the checked-text cache (document-text.ts): a report's content hash is
// computed once per cache fill, not once for documents.get and again when annotating begins.
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import { documentText } from '../../electron/services/library/document-text';
import { addText, openTestContext } from './helpers';

describe('document text cache', () => {
  it('serves the text documents.get checked to the calls that follow, without reading and hashing it again', async () => {
    const { ctx, store } = openTestContext();
    const text = 'Rebels said they took the bridge at Dorsk. '.repeat(50);
    const id = addText(ctx, text);
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    const got = await dispatch('documents.get', { id });
    expect(got).toMatchObject({ ok: true, value: { id, text } });
    // Changed behind the writers' back: a read from the store now would fail its hash check.
    store.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run(text.replace('Dorsk', 'Xorsk'), id);
    expect(documentText(ctx, id)).toBe(text);
    const created = await dispatch('annotations.create', { documentId: id, labelId: 'location', start: 36, end: 41 });
    expect(created).toMatchObject({ ok: true, value: { quote: 'Dorsk' } });
  });

  it('still refuses a damaged text on the first read, through documents.get', async () => {
    const { ctx, store } = openTestContext();
    const id = addText(ctx, 'The ministry denied it.');
    store.db.prepare('UPDATE documents SET text = ? WHERE id = ?').run('The ministry confirmed it.', id);
    const dispatch = createDispatcher(createHandlers(ctx), { logError: () => undefined });
    const got = await dispatch('documents.get', { id });
    expect(got).toMatchObject({ ok: false, error: { code: 'DOCUMENT_DAMAGED' } });
  });
});
