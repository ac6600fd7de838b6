// Payloads for the IPC fuzz, generated from each channel's argument schema in the contract (so a
// new channel is fuzzed without code here): mostly well-formed calls whose ids, tokens and paths
// are picked at send time from what the store holds (ids of any document, so foreign ids too),
// mixed with boundary numbers, huge strings, wrong types and unknown keys at every level.
import fc from 'fast-check';
import type { z } from 'zod';

/** What a payload asks for at send time: an id of a kind, an undo token, or a path in the fuzz folder. */
export type PickKind = 'document' | 'annotation' | 'label' | 'attribute' | 'relationType' | 'relation' | 'any' | 'token' | 'path';

export class Pick {
  constructor(
    readonly kind: PickKind,
    readonly n: number,
  ) {}
}

/** One million characters: huge for every field, cheap to send (shared, never copied). */
export const hugeString = 'x'.repeat(1_000_000);

const idKinds: Record<string, PickKind> = {
  documentId: 'document',
  documentIds: 'document',
  annotationId: 'annotation',
  fromId: 'annotation',
  toId: 'annotation',
  labelId: 'label',
  relabelTo: 'label',
  fromLabelId: 'label',
  toLabelId: 'label',
  attributeId: 'attribute',
  typeId: 'relationType',
  id: 'any',
  token: 'token',
  path: 'path',
  paths: 'path',
};

const wrongTypes = fc.constantFrom<unknown>(null, undefined, 42, -1, 'text', '', [], {}, true, hugeString, [hugeString], { id: 1 }, Number.NaN);

const boundaryNumbers = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2, 3, 5, 6, 10, 40, 41, 42, 100, 5000, 1e6, 2 ** 31, Number.MAX_SAFE_INTEGER, -0, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.integer({ min: 0, max: 120 }),
  fc.double(),
);

const plainStrings = fc.oneof(
  fc.constantFrom('', ' ', 'Claim', 'Location', 'Source', 'claim', 'location', 'status', 'disputed', 'located at', '👍🏽', 'a\u0000b', 'x'.repeat(300), hugeString),
  fc.string({ maxLength: 24 }),
);

function pick(kind: PickKind): fc.Arbitrary<unknown> {
  const picked = fc.nat().map((n) => new Pick(kind, n));
  // One in five ids is of any kind (another document's, a label's where an annotation's is due…).
  return kind === 'token' || kind === 'path' ? picked : fc.oneof({ weight: 4, arbitrary: picked }, { weight: 1, arbitrary: fc.nat().map((n) => new Pick('any', n)) });
}

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** Valid-looking values of the schema (ids picked by the key's name), without wrong types. */
function shaped(schema: unknown, key: string, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown, k = key) => payloadOf(s, k, depth + 1);
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, inner(s, k)]));
      return fc.record(fields);
    }
    case 'string':
      return idKinds[key] ? fc.oneof({ weight: 5, arbitrary: pick(idKinds[key]) }, { weight: 1, arbitrary: plainStrings }) : plainStrings;
    case 'number':
    case 'int':
      return boundaryNumbers;
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(inner(def.element), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((s) => inner(s)));
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((s) => inner(s)));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(def.in);
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'record':
      return fc.dictionary(fc.oneof(fc.constantFrom('claim-status', 'claim-confidence', 'status', 'kind', 'named'), fc.string({ maxLength: 8 })), inner(def.valueType), {
        maxKeys: 3,
      });
    case 'custom':
      return fc.uint8Array({ maxLength: 300 });
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    default:
      return wrongTypes;
  }
}

/** Payloads for a schema: nine in ten shaped, one in ten of a wrong type; nested up to a few levels. */
export function payloadOf(schema: unknown, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return wrongTypes;
  return fc.oneof({ weight: 12, arbitrary: shaped(schema, key, depth) }, { weight: 1, arbitrary: wrongTypes });
}

/** A channel's payloads, with some whole-payload oddities: an unknown key, a wrong type, nothing. */
export function channelPayloads(args: z.ZodType): fc.Arbitrary<unknown> {
  const withExtraKey = shaped(args, '', 0).map((value) =>
    value && typeof value === 'object' && !Array.isArray(value) ? { ...value, unexpected: hugeString } : value,
  );
  return fc.oneof({ weight: 16, arbitrary: shaped(args, '', 0) }, { weight: 1, arbitrary: withExtraKey }, { weight: 1, arbitrary: wrongTypes });
}

/** Replaces each Pick by a live value: ids from the store, undo tokens seen or forged, fuzz-folder paths. */
export function resolvePicks(value: unknown, choose: (pick: Pick) => unknown): unknown {
  if (value instanceof Pick) return choose(value);
  if (Array.isArray(value)) return value.map((v) => resolvePicks(v, choose));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = resolvePicks(v, choose);
      if (resolved !== undefined) out[k] = resolved;
    }
    return out;
  }
  return value;
}
