// The team-sync protocol, shared by the Glossa client and the team server (server/): one change
// per write, pushed in batches and pulled back in the server's order. The merge rule these
// shapes serve is written down in ./README.md. No Node, no DOM: both sides import this file.
import { z } from 'zod';

/** Size limits both sides respect; the server answers 413 past them. */
export const syncLimits = {
  /** One change as JSON (a document's text travels in one change, so this is generous). */
  maxChangeBytes: 4 * 1024 * 1024,
  /** Changes in one push. */
  maxBatchChanges: 1000,
  /** A push request body. */
  maxPushBytes: 16 * 1024 * 1024,
  /** Changes in one pull page, and the default when a pull names no limit. */
  maxPullChanges: 1000,
  defaultPullChanges: 500,
  /** A pull page stops before its changes pass this many bytes (always at least one change). */
  maxPullBytes: 16 * 1024 * 1024,
  /** Fields in one change. */
  maxFields: 200,
  /** A document's text travels in `documentText` changes of at most this many bytes of text each. */
  maxTextChunkBytes: 2 * 1024 * 1024,
} as const;

/** Objects each analyst keeps in their own layer (or the gold layer): they never conflict. */
export const layeredEntities = [
  'annotation', 'relation', 'attributeValue', 'place', 'event', 'eventArgument',
  // brat's model: an annotation's fragments, normalisations and typed notes, equivalences and their members, an event's attributes.
  'fragment', 'normalisation', 'note', 'equivalence', 'equivalenceMember', 'eventAttribute',
] as const;
/** Objects the whole team shares: they merge field by field (see README.md). */
export const sharedEntities = [
  'document', 'label', 'attribute', 'relationType',
  // A document's text (in chunks, see maxTextChunkBytes), tags and import notices; an event type's roles.
  'documentText', 'documentTag', 'documentNotice', 'eventRole',
] as const;
/** A gold decision (adjudication): only in the gold layer, merged field by field like shared objects. */
export const goldEntities = ['gold'] as const;

export const SyncEntity = z.enum([...layeredEntities, ...sharedEntities, ...goldEntities]);
export type SyncEntity = z.infer<typeof SyncEntity>;

export const AnalystId = z.uuid();
export type AnalystId = z.infer<typeof AnalystId>;

/** An analyst's own layer (their id), the team's gold layer, or the shared objects. */
export const Layer = z.union([AnalystId, z.literal('gold'), z.literal('shared')]);
export type Layer = z.infer<typeof Layer>;

/** The server's sequence number: 1, 2, 3… with no gaps; 0 means "nothing seen yet". */
export const Seq = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9_.]{0,63}$/, { message: 'field names are letters, digits, _ and . (up to 64)' });

export const Change = z
  .strictObject({
    /** A UUID made by the client: the idempotency key (the same change pushed twice is stored once). */
    id: z.uuid(),
    /** Who made it: must be the analyst whose token pushes it. */
    analyst: AnalystId,
    entity: SyncEntity,
    entityId: z.string().min(1).max(128),
    op: z.enum(['put', 'delete']),
    /** The fields this change sets (a put names only the fields it changes); empty for a delete. */
    fields: z.record(FieldName, z.json()),
    layer: Layer,
    /** The client's clock when the change was made: shown to people, never used for ordering. */
    madeAt: z.iso.datetime({ offset: true }),
    /** The highest server sequence the client had seen for this entity when it made the change. */
    base: Seq,
  })
  .superRefine((change, ctx) => {
    const count = Object.keys(change.fields).length;
    if (count > syncLimits.maxFields) ctx.addIssue({ code: 'custom', path: ['fields'], message: `at most ${syncLimits.maxFields} fields in a change` });
    if (change.op === 'delete' && count > 0) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'a delete carries no fields' });
    const layerIssue = layerMismatch(change.entity, change.layer);
    if (layerIssue) ctx.addIssue({ code: 'custom', path: ['layer'], message: layerIssue });
    if (change.entity === 'documentText' && change.op === 'put') {
      const text = change.fields.text;
      if (typeof text !== 'string') ctx.addIssue({ code: 'custom', path: ['fields', 'text'], message: 'a documentText put carries its chunk as the string field text' });
      else if (utf8Bytes(text) > syncLimits.maxTextChunkBytes) ctx.addIssue({ code: 'custom', path: ['fields', 'text'], message: `a text chunk is at most ${syncLimits.maxTextChunkBytes} bytes` });
    }
  });
export type Change = z.infer<typeof Change>;

/** Why an entity cannot live in a layer, or null when it can. */
export function layerMismatch(entity: SyncEntity, layer: Layer): string | null {
  const isShared = (sharedEntities as readonly string[]).includes(entity);
  const isGold = (goldEntities as readonly string[]).includes(entity);
  if (isShared) return layer === 'shared' ? null : `a ${entity} is shared: its layer is 'shared'`;
  if (isGold) return layer === 'gold' ? null : "a gold decision is in the 'gold' layer";
  return layer === 'shared' ? `a ${entity} lives in an analyst's layer or 'gold', not 'shared'` : null;
}

/** Whether changes in this layer merge per field (shared objects and gold) or never conflict (an analyst's own layer). */
export function mergesPerField(layer: Layer): boolean {
  return layer === 'shared' || layer === 'gold';
}

export const PushRequest = z.strictObject({
  changes: z.array(z.unknown()).min(1).max(syncLimits.maxBatchChanges),
});
export type PushRequest = { changes: Change[] };

export const RejectionReason = z.enum([
  /** The id was already used by a different change. */
  'id-reused',
  /** The entity already lives in another layer (an object never moves between layers). */
  'layer-mismatch',
]);

export const PushResponse = z.strictObject({
  /** Every change stored, now or by an earlier push of the same id, with its sequence. */
  accepted: z.array(z.strictObject({ id: z.uuid(), seq: Seq, duplicate: z.boolean() })),
  /** Changes not stored, each with why; the client keeps them for review. */
  rejected: z.array(z.strictObject({ id: z.uuid(), reason: RejectionReason, message: z.string() })),
  /** Fields of accepted changes that were held for review instead of applied. */
  conflicts: z.array(z.strictObject({ id: z.number().int().positive(), changeId: z.uuid(), entity: SyncEntity, entityId: z.string(), field: z.string() })),
  /** The highest sequence on the server after this push. */
  head: Seq,
});
export type PushResponse = z.infer<typeof PushResponse>;

export const PullQuery = z.strictObject({
  after: z.coerce.number().pipe(Seq).default(0),
  limit: z.coerce.number().int().min(1).max(syncLimits.maxPullChanges).default(syncLimits.defaultPullChanges),
});
export type PullQuery = z.infer<typeof PullQuery>;

/** A change as the server stores it: its sequence, and which of its fields were held as conflicts. */
export const StoredChange = z.strictObject({
  seq: Seq,
  id: z.uuid(),
  analyst: AnalystId,
  entity: SyncEntity,
  entityId: z.string(),
  op: z.enum(['put', 'delete']),
  fields: z.record(z.string(), z.json()),
  layer: Layer,
  madeAt: z.string(),
  base: Seq,
  receivedAt: z.string(),
  /** Fields every replica leaves unapplied and shows for review ('*' for a delete held back). */
  conflicted: z.array(z.string()),
});
export type StoredChange = z.infer<typeof StoredChange>;

export const PullResponse = z.strictObject({
  changes: z.array(StoredChange),
  /** The sequence to ask after next time (the last change returned, or `after` when none). */
  highWater: Seq,
  /** The highest sequence on the server: more pages follow while highWater < head. */
  head: Seq,
  hasMore: z.boolean(),
  /** The names of the analysts whose changes the page holds, so replicas can show who made what. */
  analysts: z.array(z.strictObject({ id: AnalystId, name: z.string() })).optional(),
});
export type PullResponse = z.infer<typeof PullResponse>;

/** GET /v1/me: the analyst the token belongs to. */
export const MeResponse = z.strictObject({ id: AnalystId, name: z.string() });
export type MeResponse = z.infer<typeof MeResponse>;

export const SyncErrorCode = z.enum([
  'MALFORMED_JSON',
  'INVALID_REQUEST',
  'INVALID_CHANGE',
  'TOO_LARGE',
  'UNAUTHORIZED',
  'TOKEN_REVOKED',
  'FORBIDDEN_LAYER',
  'RATE_LIMITED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'UNAVAILABLE',
  'INTERNAL',
]);
export type SyncErrorCode = z.infer<typeof SyncErrorCode>;

/** Every error the server answers: one JSON object. */
export const SyncError = z.strictObject({
  error: z.strictObject({
    code: SyncErrorCode,
    message: z.string(),
    requestId: z.string(),
    /** The changes concerned, by id or index, when the error is about some of them. */
    changes: z.array(z.strictObject({ at: z.number().int().nonnegative(), id: z.string().optional(), message: z.string() })).optional(),
  }),
});
export type SyncError = z.infer<typeof SyncError>;

/** UTF-8 length of a string, without TextEncoder (shared/ has neither Node nor DOM). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
