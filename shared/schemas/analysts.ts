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
