// Agreement between analysts and curation into the gold layer. Shapes: ../schemas/agreement.ts,
// ../schemas/curation.ts.
//
// Errors: INVALID_ARGS (fewer than two analysts for agreement; a name two analysts share; a
// candidate no analyst made), NOT_FOUND (an unknown analyst, label, document or decision),
// EXPORT_FAILED. A failed call changes nothing.
import { z } from 'zod';
import * as A from '../schemas/agreement';
import * as C from '../schemas/curation';
import { none } from './common';

export const agreementChannels = {
  /** Every analyst of the store (the layers one can compare). */
  'agreement.analysts': { args: none, result: z.array(z.object({ id: z.string(), name: z.string() }).strict()) },
  'agreement.report': { args: A.AgreementQuery, result: A.AgreementReport },
  /** A report's distinct spans with the analysts who made each (the drill-down). */
  'agreement.disagreements': { args: A.DisagreementsQuery, result: A.Disagreements },
  /** Saves the figures as CSV or JSON through the save dialog; path null when cancelled. */
  'agreement.export': { args: A.AgreementExportArgs, result: A.AgreementExportResult },
  'curation.view': { args: C.CurationQuery, result: C.CurationView },
  /** Accepts, edits or rejects one candidate into the gold layer, recorded with a note. */
  'curation.decide': { args: C.CurationDecide, result: C.CurationDecision },
  /** Takes a decision back (its gold annotation goes); the record stays, marked undone. */
  'curation.undo': { args: z.object({ decisionId: z.string().min(1).max(64) }).strict(), result: C.CurationDecision },
  /** Accepts every candidate the rule pre-accepts and not yet decided. */
  'curation.applyRule': { args: C.CurationApplyRule, result: C.CurationApplied },
} as const;
