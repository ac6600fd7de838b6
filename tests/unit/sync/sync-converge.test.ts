// Two clients of one team server (real PostgreSQL, real server process, real SQLite stores)
// converge: reports, spans, relations, values, places, schema and gold; offline edits on both
// sides; a concurrent edit of a shared field lands in both review queues and, resolved, converges.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from '../../../electron/services/annotate/annotations';
import { setValues } from '../../../electron/services/annotate/attribute-values';
import { createRelation } from '../../../electron/services/annotate/relations';
import { decide } from '../../../electron/services/curation/curation';
import { updateDocument } from '../../../electron/services/library/documents';
import { resolvePlace } from '../../../electron/services/places/places';
import { createLabel, updateLabel } from '../../../electron/services/schema/labels';
import { joinTeam, listConflicts, resolveConflict, syncNow, teamStatus } from '../../../electron/services/sync';
import { pullLog } from '../../../electron/services/sync/inbound';
import { textChunks } from '../../../electron/services/sync/outbound';
import { createTransport } from '../../../electron/services/sync/transport';
import { syncLimits, utf8Bytes } from '../../../shared/sync/protocol';
import type { NewAnalyst } from '../../../server/analysts';
import { change, push } from '../server/sync-client';
import { addReport, canonicalDump, openClient, startTeam, type Team } from './sync-fixture';

let team: Team;
let alice: NewAnalyst;
let bob: NewAnalyst;

beforeAll(async () => {
  team = await startTeam('sync_converge');
  alice = await team.analyst('Alice');
  bob = await team.analyst('Bob');
}, 180_000);

afterAll(() => team?.stop(), 60_000);

const server = (who: NewAnalyst) => ({ url: team.server.url, token: who.token });

/** Alice's and Bob's libraries, each joined to the team. */
async function joinedPair() {
  const a = openClient();
  const b = openClient();
  await joinTeam(a, server(alice));
  await joinTeam(b, server(bob));
  return [a, b] as const;
}

describe('two clients', () => {
  it('converge on reports, spans, relations, values, places, schema and gold, with offline edits on both sides', { timeout: 60_000 }, async () => {
    const a = openClient();
    const b = openClient();
    // A report from before joining is queued by the join; annotations made since, by capture.
    const docId = addReport(a, 'Shelling hit Aleppo on Monday, the ministry said.');
    const joinedA = await joinTeam(a, server(alice));
    expect(joinedA.analyst).toEqual({ id: alice.id, name: 'Alice' });
    const claim = createAnnotation(a, { documentId: docId, labelId: 'claim', start: 0, end: 22 });
    const place = createAnnotation(a, { documentId: docId, labelId: 'location', start: 12, end: 18 });
    const source = createAnnotation(a, { documentId: docId, labelId: 'source', start: 34, end: 46 });
    createRelation(a, { typeId: 'attributed-to', fromId: claim.id, toId: source.id });
    setValues(a, claim.id, { status: 'disputed' });
    resolvePlace(a, { annotationId: place.id, lat: 36.2, lon: 37.15, name: 'Aleppo' });
    const first = await syncNow(a, server(alice));
    expect(first.rejected).toBe(0);
    expect(teamStatus(a)).toMatchObject({ joined: true, pending: 0, conflicts: 0, deferred: 0 });
    const joinedB = await joinTeam(b, server(bob));
    expect(joinedB.pushed).toBe(0);
    expect(canonicalDump(b)).toBe(canonicalDump(a));

    // Offline on both sides.
    createLabel(a, { name: 'Weapon', color: '#123456' });
    const bobSpan = createAnnotation(b, { documentId: docId, labelId: 'claim', start: 23, end: 32 });
    updateAnnotation(b, { id: bobSpan.id, note: 'which Monday?' });
    updateDocument(b, { id: docId, outlet: 'Wire' });
    updateDocument(a, { id: docId, author: 'Staff' });
    deleteAnnotation(a, source.id);
    decide(a, { documentId: docId, start: 0, end: 22, labelId: 'claim', action: 'accept', analysts: [alice.id] });

    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    await syncNow(a, server(alice));
    expect(canonicalDump(b)).toBe(canonicalDump(a));
    expect(b.store.db.prepare("SELECT outlet, author FROM documents").get()).toEqual({ outlet: 'Wire', author: 'Staff' });
    expect(a.store.db.prepare("SELECT count(*) FROM annotations WHERE layer = 'gold'").pluck().get()).toBe(1);
    expect(listConflicts(a)).toEqual([]);
    expect(teamStatus(b).pending).toBe(0);
  });

  it('puts a concurrent edit of a shared field in both review queues; resolved, both converge', { timeout: 60_000 }, async () => {
    const [a, b] = await joinedPair();
    const docId = a.store.db.prepare('SELECT id FROM documents').pluck().get() as string;
    updateDocument(a, { id: docId, title: 'Alice title' });
    updateDocument(b, { id: docId, title: 'Bob title' });
    await syncNow(a, server(alice));
    const bobRun = await syncNow(b, server(bob));
    expect(bobRun.conflicts).toBe(1);
    await syncNow(a, server(alice));
    const [bobSees] = listConflicts(b);
    const [aliceSees] = listConflicts(a);
    expect(bobSees).toMatchObject({ field: 'title', mine: 'Bob title', theirs: 'Alice title', theirAnalyst: 'Alice' });
    expect(aliceSees).toMatchObject({ field: 'title', mine: 'Alice title', theirs: 'Bob title' });
    expect(canonicalDump(b)).toBe(canonicalDump(a));

    resolveConflict(b, bobSees!.id, 'mine');
    await syncNow(b, server(bob));
    await syncNow(a, server(alice));
    expect(listConflicts(a)).toEqual([]);
    expect(listConflicts(b)).toEqual([]);
    expect(a.store.db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(docId)).toBe('Bob title');
    expect(canonicalDump(b)).toBe(canonicalDump(a));
  });

  it('defers a change whose parent is not here yet, counts it, and applies it once the parent arrives', { timeout: 60_000 }, async () => {
    const carol = await team.analyst('Carol');
    const client = openClient();
    await joinTeam(client, server(alice));
    const docId = crypto.randomUUID();
    const annotationId = crypto.randomUUID();
    const at = new Date().toISOString();
    const span = change(carol.id, {
      entity: 'annotation',
      entityId: annotationId,
      fields: { document_id: docId, label_id: 'claim', start: 0, end: 5, quote: 'Late.', note: '', created_at: at, updated_at: at, layer: carol.id, created_by: carol.id, updated_by: carol.id },
    });
    expect((await push(team.server.url, carol.token, [span])).status).toBe(200);
    await syncNow(client, server(alice));
    expect(teamStatus(client).deferred).toBe(1);
    const text = change(carol.id, { entity: 'documentText', entityId: `${docId}:0`, layer: 'shared', fields: { documentId: docId, position: 0, count: 1, text: 'Late. A report pushed after its span.' } });
    const doc = change(carol.id, { entity: 'document', entityId: docId, layer: 'shared', fields: { title: 'Late report', imported_at: at, content_hash: `late-${docId}` } });
    expect((await push(team.server.url, carol.token, [text, doc])).status).toBe(200);
    await syncNow(client, server(alice));
    expect(teamStatus(client).deferred).toBe(0);
    expect(client.store.db.prepare('SELECT quote, layer FROM annotations WHERE id = ?').get(annotationId)).toEqual({ quote: 'Late.', layer: carol.id });
    expect(client.store.db.prepare('SELECT text_length FROM documents WHERE id = ?').pluck().get(docId)).toBe(37);
  });

  it('sends a delete with what went by cascade, and an undo puts the rows back whole on the other side', { timeout: 60_000 }, async () => {
    const [a, b] = await joinedPair();
    const docId = a.store.db.prepare('SELECT id FROM documents ORDER BY imported_at LIMIT 1').pluck().get() as string;
    const claim = createAnnotation(a, { documentId: docId, labelId: 'claim', start: 0, end: 8 });
    const source = createAnnotation(a, { documentId: docId, labelId: 'source', start: 34, end: 46 });
    createRelation(a, { typeId: 'attributed-to', fromId: claim.id, toId: source.id });
    setValues(a, claim.id, { status: 'corroborated', confidence: 'high' });
    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    const deleted = deleteAnnotation(a, claim.id);
    const queued = a.store.db.prepare("SELECT entity FROM sync_outbox WHERE op = 'delete' ORDER BY entity").pluck().all();
    expect(queued).toEqual(['annotation', 'attributeValue', 'attributeValue', 'relation']);
    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    expect(b.store.db.prepare('SELECT count(*) FROM relations WHERE from_id = ?').pluck().get(claim.id)).toBe(0);
    restoreAnnotation(a, deleted.undoToken);
    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    expect(b.store.db.prepare('SELECT count(*) FROM relations WHERE from_id = ?').pluck().get(claim.id)).toBe(1);
    expect(b.store.db.prepare('SELECT count(*) FROM annotation_attributes WHERE annotation_id = ?').pluck().get(claim.id)).toBe(2);
    expect(canonicalDump(b)).toBe(canonicalDump(a));
  });

  it('carries a long report in text chunks of at most 2 MiB, never splitting a surrogate pair', { timeout: 60_000 }, async () => {
    const pieces = textChunks('😀'.repeat(1_500_000), syncLimits.maxTextChunkBytes);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) {
      expect(utf8Bytes(piece)).toBeLessThanOrEqual(syncLimits.maxTextChunkBytes);
      expect(Buffer.from(piece, 'utf8').toString('utf8')).toBe(piece); // no lone surrogate at either end
    }
    const [a, b] = await joinedPair();
    const long = `Dispatch ${'جاء في التقرير أن القوات دخلت المدينة. '.repeat(40_000)}`;
    const docId = addReport(a, long, 'Long dispatch');
    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    expect(b.store.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docId)).toBe(a.store.db.prepare('SELECT text FROM documents WHERE id = ?').pluck().get(docId));
    expect(teamStatus(b).deferred).toBe(0);
  });

  it('keeps a field a newer local change waits to send, and puts the log value back when the server holds that change as a conflict', { timeout: 60_000 }, async () => {
    const [a, b] = await joinedPair();
    const docId = addReport(a, 'A report whose outlet both sides set.', 'Outlets');
    await syncNow(a, server(alice));
    await syncNow(b, server(bob));
    updateDocument(b, { id: docId, outlet: 'Bob outlet' });
    await syncNow(b, server(bob));
    updateDocument(a, { id: docId, outlet: 'Alice outlet' });
    // A pull before the push (as when the pull of another run overlaps a new edit): the local value waits.
    const transport = createTransport(server(alice));
    await pullLog(a.store, alice.id, transport, undefined, () => undefined);
    await transport.close();
    expect(a.store.db.prepare('SELECT outlet FROM documents WHERE id = ?').pluck().get(docId)).toBe('Alice outlet');
    const run = await syncNow(a, server(alice));
    expect(run.conflicts).toBe(1);
    expect(a.store.db.prepare('SELECT outlet FROM documents WHERE id = ?').pluck().get(docId)).toBe('Bob outlet');
    expect(listConflicts(a)).toMatchObject([{ field: 'outlet', mine: 'Alice outlet', theirs: 'Bob outlet', theirAnalyst: 'Bob' }]);
    await syncNow(b, server(bob));
    expect(canonicalDump(b)).toBe(canonicalDump(a));
  });

  it('settles a label name taken on both sides by log order, also on the side whose own rename was not back yet', async () => {
    const [a, b] = await joinedPair();
    const casualty = createLabel(a, { name: 'Casualty', color: '#d62728' });
    await syncNow(a, server(alice));
    // Bob has not pulled Alice's label: his rename takes the name locally, and is later in the log.
    updateLabel(b, { id: 'location', name: 'Casualty' });
    await syncNow(b, server(bob));
    await syncNow(a, server(alice));
    const names = (ctx: typeof a) => ctx.store.db.prepare('SELECT id, name FROM labels WHERE id IN (?, ?) ORDER BY id').all(casualty.id, 'location');
    expect(names(a)).toEqual(names(b));
    expect(a.store.db.prepare('SELECT name FROM labels WHERE id = ?').pluck().get(casualty.id)).toBe('Casualty');
    expect(a.store.db.prepare('SELECT name FROM labels WHERE id = ?').pluck().get('location')).toBe('Casualty (location)');
    expect(canonicalDump(b)).toBe(canonicalDump(a));
  });
});
