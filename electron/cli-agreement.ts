// `glossa agreement` and `glossa curate`: agreement between analysts' layers, and pre-filling the
// gold layer of a report by a rule, over the same services as the Agreement and Curation screens.
import { AppError } from '../shared/errors';
import type { Core } from './core';
import { agreementReport } from './services/agreement/agreement';
import { applyRule } from './services/curation/curation';

export const agreementCommandUsage: Readonly<Record<string, string>> = {
  agreement: `  agreement --analysts A,B[,C…] [--doc ID] [--labels L1,L2]
                                          Agreement between analysts' layers per label: exactF1,
                                          overlapF1, charKappa, alphaU (Krippendorff's unitized
                                          alpha) and the spans of each analyst; the reports each
                                          analyst left untouched (counted, never left out); the
                                          number of reports. Offsets are compared in code points.`,
  curate: `  curate --doc ID --from A,B[,C…] --rule unanimous|majority|threshold [--threshold N] [--note TEXT]
                                          Accept into the gold layer every span of the report the
                                          rule agrees on and not yet decided; each decision is
                                          recorded (who, when, rule, layers). Prints the decisions.`,
};

export const agreementOptions = {
  analysts: { type: 'string' },
  rule: { type: 'string' },
  threshold: { type: 'string' },
} as const;

export const agreementOptionsByCommand = {
  agreement: ['analysts', 'doc', 'labels'],
  curate: ['doc', 'from', 'rule', 'threshold', 'note'],
} as const;

export class AgreementUsageError extends Error {}

export interface AgreementInvocation {
  command: string;
  args: string[];
  values: { analysts?: string; doc?: string; labels?: string; from?: string; rule?: string; threshold?: string; note?: string };
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

function curateRule(values: AgreementInvocation['values']): { rule: 'unanimous' | 'majority' | 'threshold'; threshold?: number } {
  const rule = values.rule;
  if (rule !== 'unanimous' && rule !== 'majority' && rule !== 'threshold') {
    throw new AgreementUsageError(`--rule must be unanimous, majority or threshold (got ${rule === undefined ? 'none' : `"${rule}"`}).`);
  }
  if (rule !== 'threshold') {
    if (values.threshold !== undefined) throw new AgreementUsageError('--threshold goes with --rule threshold.');
    return { rule };
  }
  if (!values.threshold || !/^[1-9][0-9]?$/.test(values.threshold)) throw new AgreementUsageError('--rule threshold needs --threshold N (how many analysts, from 1).');
  return { rule, threshold: Number(values.threshold) };
}

/** Usage errors found before the store is opened. */
export function checkAgreementUsage(invocation: AgreementInvocation): void {
  if (invocation.command !== 'agreement' && invocation.command !== 'curate') return;
  if (invocation.args.length > 0) throw new AgreementUsageError(`${invocation.command} takes no arguments (got "${invocation.args[0]}").`);
  if (invocation.command === 'agreement') {
    const analysts = list(invocation.values.analysts);
    if (analysts.length < 2) {
      throw new AgreementUsageError(
        `agreement compares analysts: --analysts needs at least two names, comma-separated (${analysts.length === 0 ? 'none given' : `only ${analysts[0]} given`}).`,
      );
    }
    return;
  }
  if (!invocation.values.doc) throw new AgreementUsageError('curate needs --doc ID.');
  if (list(invocation.values.from).length === 0) throw new AgreementUsageError('curate needs --from A,B: the analysts whose layers are curated.');
  curateRule(invocation.values);
}

export function runAgreementCommand(core: Core, invocation: AgreementInvocation): unknown {
  checkAgreementUsage(invocation);
  const { values } = invocation;
  if (invocation.command === 'agreement') {
    const labels = list(values.labels);
    const report = agreementReport(core.ctx, {
      analysts: list(values.analysts),
      ...(values.doc ? { documentIds: [values.doc] } : {}),
      ...(labels.length ? { labels } : {}),
    });
    const names = new Map(report.analysts.map((a) => [a.id, a.name]));
    const named = (counts: Record<string, number>): Record<string, number> =>
      Object.fromEntries(Object.entries(counts).map(([id, n]) => [names.get(id) ?? id, n]));
    const tuples = (t: typeof report.relations) => ({
      exactF1: t.f1,
      counts: named(t.counts),
      types: Object.fromEntries(t.types.map((type) => [type.type, { exactF1: type.f1, counts: named(type.counts) }])),
    });
    const pairs = (p: (typeof report.corpus.pairs)[number]) => ({ a: names.get(p.a), b: names.get(p.b), ...p.figures, matched: p.matched });
    return {
      labels: Object.fromEntries(report.labels.map((l) => [l.label, { ...l.all, spans: named(l.spans), pairs: l.pairs.map(pairs) }])),
      untouched: Object.fromEntries(report.analysts.map((a) => [a.name, a.untouched.map((u) => u.documentId)])),
      reports: report.reports,
      corpus: { ...report.corpus.all, pairs: report.corpus.pairs.map(pairs) },
      pairsCompared: report.pairsCompared,
      relations: tuples(report.relations),
      eventRoles: tuples(report.eventRoles),
      attributes: report.attributes,
      offsetUnit: report.offsetUnit,
    };
  }
  if (invocation.command === 'curate') {
    const result = applyRule(core.ctx, { documentId: values.doc!, analysts: list(values.from), ...curateRule(values), ...(values.note ? { note: values.note } : {}) });
    return { accepted: result.decisions.length, alreadyDecided: result.skipped, decisions: result.decisions };
  }
  throw new AppError('INTERNAL', `Not an agreement command: ${invocation.command}.`);
}
