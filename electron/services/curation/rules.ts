// Which candidate spans a rule pre-accepts: unanimous (every analyst made it), majority (more
// than half did) or threshold (at least N did). Pure.
import type { CurationRuleName } from '../../../shared/schemas/curation';

export function ruleAccepts(rule: CurationRuleName, makers: number, analysts: number, threshold?: number): boolean {
  if (rule === 'unanimous') return makers === analysts;
  if (rule === 'majority') return makers * 2 > analysts;
  return makers >= (threshold ?? analysts);
}

/** The rule as recorded on a decision: 'unanimous', 'majority' or 'threshold:N'. */
export function ruleName(rule: CurationRuleName, threshold?: number): string {
  return rule === 'threshold' ? `threshold:${threshold ?? 0}` : rule;
}
