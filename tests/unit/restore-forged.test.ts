// Issue 11, item 4: the renderer is untrusted, so undo of a delete cannot be used to forge rows.
// Each case below takes a real deletion, forges what would be put back (annotations beyond the
// text, a quote that differs, a 30 M-character text, values outside the schema, a relation to
// another document, rows of another document's annotation or place), and asks for the restore
// through the real dispatcher. The page can no longer send rows (the contract takes only a
// token), so the forged rows are planted in main's own snapshot store: the restore checks them
// as new rows anyway (defence in depth). Nothing forged may reach the store; it stays sound.
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { setValues } from '../../electron/services/annotate/attribute-values';
import { createRelation } from '../../electron/services/annotate/relations';
import { createHandlers } from '../../electron/services/index';
import { resolvePlace } from '../../electron/services/places/places';
import type { ServiceContext } from '../../electron/services/context';
import type { Place } from '../../shared/schemas/places';
import { undoSnapshots, type DocumentSnapshot } from '../../electron/services/undo-snapshots';
import { addText, openTestContext, type TestContext } from './helpers';
import { storeViolations } from './store-invariants';

type Row = Record<string, string | number | null>;
type Tables = DocumentSnapshot;

const goingText = 'Rebels said they took the bridge at Dorsk.';
const stayingText = 'The army said it still held Veskar and the road north.';

function tag(ctx: ServiceContext, documentId: string, text: string, quote: string, labelId: string): string {
  const start = text.indexOf(quote);
  return createAnnotation(ctx, { documentId, labelId, start, end: start + quote.length }).id;
}

function setup() {
  const t = openTestContext();
  const dispatch = createDispatcher(createHandlers(t.ctx), { logError: () => undefined });
  const staying = addText(t.ctx, stayingText, 'Stays');
  const army = tag(t.ctx, staying, stayingText, 'The army said it still held Veskar', 'claim');
  const veskar = tag(t.ctx, staying, stayingText, 'Veskar', 'location');
  resolvePlace(t.ctx, { annotationId: veskar, lat: 36.2, lon: 37.1, name: 'Veskar' });
  const going = addText(t.ctx, goingText, 'Goes');
  const claim = tag(t.ctx, going, goingText, 'Rebels said they took the bridge', 'claim');
  const dorsk = tag(t.ctx, going, goingText, 'Dorsk', 'location');
  setValues(t.ctx, claim, { 'claim-status': 'disputed' });
  createRelation(t.ctx, { typeId: 'located-at', fromId: claim, toId: dorsk });
  const dump = () => ({
    annotations: t.store.db.prepare('SELECT * FROM annotations ORDER BY id').all(),
    places: t.store.db.prepare('SELECT * FROM places ORDER BY annotation_id').all(),
    relations: t.store.db.prepare('SELECT * FROM relations ORDER BY id').all(),
    values: t.store.db.prepare('SELECT * FROM annotation_attributes ORDER BY annotation_id, attribute_id').all(),
  });
  return { t, dispatch, staying, army, veskar, going, claim, dorsk, dump };
}

/** Deletes the document, lets `forge` change what would be put back, and asks for the restore. */
async function restoreForgedDocument(t: TestContext, dispatch: Dispatch, id: string, forge: (snapshot: Tables) => void) {
  const deleted = await dispatch('documents.delete', { id });
  if (!deleted.ok) throw new Error(deleted.error.message);
  const snapshots = undoSnapshots(t.store);
  const token = (deleted.value as { undoToken: string }).undoToken;
  const snapshot = structuredClone(snapshots.get('document', token)) as DocumentSnapshot;
  forge(snapshot);
  // What the page could send before: the rows themselves. The contract refuses them now.
  const sent = await dispatch('documents.restore', { snapshot });
  expect(sent).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
  return dispatch('documents.restore', { token: snapshots.remember('document', snapshot) });
}

function rowsOf(snapshot: Tables, table: string): Row[] {
  let entry = snapshot.tables.find((x) => x.table === table);
  if (!entry) {
    entry = { table, rows: [] };
    snapshot.tables.push(entry);
  }
  return entry.rows;
}

function expectSound(t: TestContext): void {
  expect(storeViolations(t.ctx, t.dir + '/exports')).toEqual([]);
}

describe('undo of a document deletion cannot forge rows', () => {
  it('refuses an annotation beyond the end of the text', async () => {
    const { t, dispatch, going } = setup();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      Object.assign(rowsOf(s, 'annotations')[0]!, { start: 5000, end: 5010 });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFSETS_MISMATCH' } });
    expectSound(t);
  });

  it('refuses a quote that differs from the text at its offsets', async () => {
    const { t, dispatch, going } = setup();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      rowsOf(s, 'annotations')[0]!.quote = 'Government forces';
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'OFFSETS_MISMATCH' } });
    expectSound(t);
  });

  it('refuses a text over the 20 M-character limit', async () => {
    const { t, dispatch, going } = setup();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      rowsOf(s, 'documents')[0]!.text = goingText + ' '.repeat(30_000_000);
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expectSound(t);
  });

  it('refuses attribute values outside the schema', async () => {
    const { t, dispatch, going } = setup();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      rowsOf(s, 'annotation_attributes')[0]!.value = JSON.stringify('totally made up');
    });
    // The document comes back; the value that no longer fits the schema is left out.
    expect(result).toMatchObject({ ok: true });
    expect(t.store.db.prepare("SELECT value FROM annotation_attributes WHERE value LIKE '%made up%'").all()).toEqual([]);
    expectSound(t);
  });

  it('refuses a relation to an annotation of another document', async () => {
    const { t, dispatch, going, army } = setup();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      rowsOf(s, 'relations')[0]!.to_id = army;
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expectSound(t);
  });

  it('never moves another document’s annotation into the restored one', async () => {
    const { t, dispatch, going, staying, army, dump } = setup();
    const before = dump();
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      const stolen = { ...t.store.db.prepare('SELECT * FROM annotations WHERE id = ?').get(army) as Row, document_id: going, start: 0, end: 6, quote: 'Rebels' };
      rowsOf(s, 'annotations').push(stolen);
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    expect(t.store.db.prepare('SELECT document_id FROM annotations WHERE id = ?').get(army)).toEqual({ document_id: staying });
    expect(dump().annotations).toEqual(before.annotations.filter((a) => (a as Row).document_id === staying));
    expectSound(t);
  });

  it('never overwrites another document’s place', async () => {
    const { t, dispatch, going, veskar } = setup();
    const before = t.store.db.prepare('SELECT * FROM places WHERE annotation_id = ?').get(veskar);
    const result = await restoreForgedDocument(t, dispatch, going, (s) => {
      rowsOf(s, 'places').push({ ...(before as Row), name: 'Nowhere', lat: 0, lon: 0 });
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(t.store.db.prepare('SELECT * FROM places WHERE annotation_id = ?').get(veskar)).toEqual(before);
    expectSound(t);
  });
});

describe('undo of a place change cannot forge a place', () => {
  async function restoreForgedPlace(t: TestContext, dispatch: Dispatch, annotationId: string, forge: (place: Row) => void) {
    const cleared = await dispatch('places.clear', { annotationId });
    if (!cleared.ok || !cleared.value) throw new Error('nothing cleared');
    const { undoToken, ...place } = structuredClone(cleared.value) as Row;
    forge(place);
    expect(await dispatch('places.restore', place)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(typeof undoToken).toBe('string');
    const forgedPlace = place as unknown as Place;
    return dispatch('places.restore', { token: undoSnapshots(t.store).remember('place', { annotationId: forgedPlace.annotationId, place: forgedPlace }) });
  }

  it('refuses a 50 MB name', async () => {
    const { t, dispatch, veskar } = setup();
    const result = await restoreForgedPlace(t, dispatch, veskar, (p) => {
      p.name = 'x'.repeat(50 * 1024 * 1024);
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(t.store.db.prepare('SELECT max(length(name)) AS n FROM places').get()).toEqual({ n: null });
    expectSound(t);
  });

  it('refuses a place on a span that is not a Location', async () => {
    const { t, dispatch, veskar, army } = setup();
    const result = await restoreForgedPlace(t, dispatch, veskar, (p) => {
      p.annotationId = army;
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(t.store.db.prepare('SELECT count(*) AS n FROM places WHERE annotation_id = ?').get(army)).toEqual({ n: 0 });
    expectSound(t);
  });
});
