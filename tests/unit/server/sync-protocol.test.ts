// The shared sync protocol's shapes and helpers (shared/sync/protocol.ts), without a server.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Change, layerMismatch, mergesPerField, PullQuery, syncLimits, utf8Bytes } from '../../../shared/sync/protocol';
import { change } from './sync-client';

describe('the sync protocol', () => {
  it('accepts a change a client makes, with any clock offset', () => {
    const analyst = randomUUID();
    expect(Change.safeParse(change(analyst)).success).toBe(true);
    expect(Change.safeParse(change(analyst, { madeAt: '2031-02-03T04:05:06.789+05:30' })).success).toBe(true);
    expect(Change.safeParse(change(analyst, { entity: 'label', layer: 'shared', fields: { name: 'Claim', color: '#f00' } })).success).toBe(true);
    expect(Change.safeParse(change(analyst, { entity: 'gold', layer: 'gold', fields: { decision: { accepted: true } } })).success).toBe(true);
  });

  it('keeps each entity in the layers it may live in', () => {
    const analyst = randomUUID();
    expect(layerMismatch('annotation', analyst)).toBeNull();
    expect(layerMismatch('annotation', 'gold')).toBeNull();
    expect(layerMismatch('annotation', 'shared')).toMatch(/not 'shared'/);
    expect(layerMismatch('document', analyst)).toMatch(/shared/);
    expect(layerMismatch('gold', analyst)).toMatch(/gold/);
    expect(Change.safeParse(change(analyst, { entity: 'relationType', layer: analyst })).success).toBe(false);
    expect([mergesPerField('shared'), mergesPerField('gold'), mergesPerField(analyst)]).toEqual([true, true, false]);
  });

  it('refuses fields on a delete, too many fields, and unknown keys', () => {
    const analyst = randomUUID();
    expect(Change.safeParse(change(analyst, { op: 'delete' })).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: syncLimits.maxFields + 1 }, (_, i) => [`f${i}`, i]));
    expect(Change.safeParse(change(analyst, { fields: many })).success).toBe(false);
    expect(Change.safeParse({ ...change(analyst), seq: 4 }).success).toBe(false);
  });

  it('carries a document text in chunks of at most maxTextChunkBytes, as a string', () => {
    const analyst = randomUUID();
    const chunk = (text: unknown) => change(analyst, { entity: 'documentText', layer: 'shared', entityId: 'doc:0', fields: { documentId: 'doc', index: 0, count: 1, text: text as string } });
    expect(Change.safeParse(chunk('é'.repeat(syncLimits.maxTextChunkBytes / 2))).success).toBe(true);
    expect(Change.safeParse(chunk('é'.repeat(syncLimits.maxTextChunkBytes / 2 + 1))).success).toBe(false);
    expect(Change.safeParse(chunk(42)).success).toBe(false);
    expect(Change.safeParse(change(analyst, { entity: 'documentText', layer: analyst })).success).toBe(false);
  });

  it('reads a pull query with defaults and bounds', () => {
    expect(PullQuery.parse({})).toEqual({ after: 0, limit: syncLimits.defaultPullChanges });
    expect(PullQuery.parse({ after: '12', limit: '3' })).toEqual({ after: 12, limit: 3 });
    expect(PullQuery.safeParse({ after: '1.5' }).success).toBe(false);
    expect(PullQuery.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('counts UTF-8 bytes as Node does, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => utf8Bytes(text) === Buffer.byteLength(text, 'utf8')), { numRuns: 200 });
    expect(utf8Bytes('\ud800x')).toBe(Buffer.byteLength('\ud800x'));
  });
});
