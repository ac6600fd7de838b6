// Shapes of analysts and their layers (issue 15). Every annotation is in one layer: the id of the
// analyst who made it, or 'gold', the adjudicated layer; relations, values, places and events are
// in the layer of their annotation.
import { z } from 'zod';
import { Id } from './common';

export const goldLayer = 'gold';

/** As typed: trimmed, 1-80 characters, unique in a store regardless of case. */
export const AnalystName = z.string().trim().min(1, { message: 'an analyst needs a name' }).max(80);

export const Analyst = z.object({ id: Id, name: AnalystName });

/** An analyst's id, or 'gold'. */
export const LayerId = z.union([z.literal(goldLayer), Id]);

/** Who wrote a row and when, as the writers stamp it (created_by/updated_by, created_at/updated_at). */
export const Authorship = z.object({
  createdBy: Id,
  updatedBy: Id,
});

export type Analyst = z.infer<typeof Analyst>;
export type LayerId = z.infer<typeof LayerId>;
export type Authorship = z.infer<typeof Authorship>;

/** What a writer stamps on the rows it writes: the acting analyst's id and the time. */
export interface Stamp {
  by: string;
  at: string;
}

/** confirmed: the analyst saved a name; readOnly: the store cannot take one now (so it is not asked). */
export const Profile = z.object({ analyst: Analyst, confirmed: z.boolean(), readOnly: z.boolean() });
export const SaveProfile = z.object({ name: AnalystName }).strict();

export const LayersArgs = z.object({ documentId: Id.optional() }).strict();
export const LayerSummary = z.object({
  layer: LayerId,
  /** The analyst's name, or 'Gold'. */
  name: z.string(),
  count: z.number().int().nonnegative(),
  mine: z.boolean(),
});

/** a: by default the acting analyst's own layer. */
export const CompareArgs = z.object({ documentId: Id, a: LayerId.optional(), b: LayerId }).strict();

/** A span of one layer in a comparison; `matched`: the other layer has the same span and label. */
export const ComparedSpan = z.object({
  id: Id,
  labelId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  matched: z.boolean(),
});

export const LayerComparison = z.object({
  documentId: Id,
  a: z.object({ layer: LayerId, name: z.string(), spans: z.array(ComparedSpan) }),
  b: z.object({ layer: LayerId, name: z.string(), spans: z.array(ComparedSpan) }),
  /** Spans (start, end, label) in both layers, only in A, only in B. */
  both: z.number().int().nonnegative(),
  onlyA: z.number().int().nonnegative(),
  onlyB: z.number().int().nonnegative(),
});

/** Two to five layers of a report side by side (the first is the one the reader shows). */
export const CompareManyArgs = z
  .object({ documentId: Id, layers: z.array(LayerId).min(2).max(5) })
  .strict()
  .refine((a) => new Set(a.layers).size === a.layers.length, { message: 'each layer once' });

/** Each layer's spans, `matched` where every other layer has the same span; `inAll`: distinct spans every layer has. */
export const LayersComparison = z.object({
  documentId: Id,
  layers: z.array(z.object({ layer: LayerId, name: z.string(), spans: z.array(ComparedSpan) })),
  inAll: z.number().int().nonnegative(),
});

export type Profile = z.infer<typeof Profile>;
export type LayerSummary = z.infer<typeof LayerSummary>;
export type ComparedSpan = z.infer<typeof ComparedSpan>;
export type LayerComparison = z.infer<typeof LayerComparison>;
export type LayersComparison = z.infer<typeof LayersComparison>;
