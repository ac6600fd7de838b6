// Analysts and layers (issue 15): who acts, the profile, which layers a report has, and two
// layers compared. Shapes: ../schemas/analysts.ts.
//
// Errors: DUPLICATE (a name another analyst has), NOT_FOUND, INVALID_ARGS.
import { z } from 'zod';
import * as A from '../schemas/analysts';
import { none } from './common';

export const analystChannels = {
  /** The acting analyst, and whether they have said their name yet (else the app asks, once). */
  'analysts.profile': { args: none, result: A.Profile },
  /** Renames the acting analyst (the id never changes) and records that the name was given. */
  'analysts.saveProfile': { args: A.SaveProfile, result: A.Analyst },
  /** Every analyst the store knows, by name. */
  'analysts.list': { args: none, result: z.array(A.Analyst) },
  /** The layers of a report (or of the library), each with its count; the acting analyst's always. */
  'layers.list': { args: A.LayersArgs, result: z.array(A.LayerSummary) },
  /** Two layers of a report side by side: each one's spans, those not in the other marked. */
  'layers.compare': { args: A.CompareArgs, result: A.LayerComparison },
  /** Two to five layers of a report side by side (brat-like): each one's spans, those not in every other marked. */
  'layers.compareMany': { args: A.CompareManyArgs, result: A.LayersComparison },
} as const;
