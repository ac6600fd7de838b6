// Handlers of the agreement and curation channels (shared/channels/agreement.ts).
import type { agreementChannels } from '../../../shared/channels/agreement';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { listAnalysts } from '../analysts/analysts';
import { applyRule, curationView, decide, undoDecision } from '../curation/curation';
import { agreementReport, exportAgreement, reportDisagreements } from './agreement';

export function agreementHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof agreementChannels> {
  return {
    'agreement.analysts': () => listAnalysts(ctx.store.db),
    'agreement.report': (query) => agreementReport(ctx, query),
    'agreement.disagreements': (query) => reportDisagreements(ctx, query),
    'agreement.export': (args) => exportAgreement(ctx, args),
    'curation.view': (query) => curationView(ctx, query),
    'curation.decide': (input) => decide(ctx, input),
    'curation.undo': ({ decisionId }) => undoDecision(ctx, decisionId),
    'curation.applyRule': (input) => applyRule(ctx, input),
  };
}
