// Krippendorff's α for values given to the same units by several analysts (attribute values:
// nominal; ordinal for confidence; interval for numbers), missing values allowed. Follows
// Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": pairable values build a
// coincidence matrix, α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.

export type ValueLevel = 'nominal' | 'ordinal' | 'interval';

export interface AlphaResult {
  value: number | null;
  /** Units with at least two values (the pairable ones), and the values they hold. */
  units: number;
  pairable: number;
  observed: number | null;
  expected: number | null;
}

type Value = string | number;

/**
 * units[u] holds each analyst's value for unit u, or null where that analyst gave none.
 * For 'ordinal', order lists the values from lowest to highest (values not in it are ranked
 * after, by their natural order); for 'interval', values must be numbers.
 */
export function krippendorffAlpha(
  units: readonly (readonly (Value | null | undefined)[])[],
  level: ValueLevel,
  order?: readonly Value[],
): AlphaResult {
  const coincidences = new Map<Value, Map<Value, number>>();
  let pairableUnits = 0;
  for (const unit of units) {
    const values = unit.filter((v): v is Value => v !== null && v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    pairableUnits += 1;
    for (let i = 0; i < m; i += 1) {
      for (let j = 0; j < m; j += 1) {
        if (i === j) continue;
        const row = coincidences.get(values[i]!) ?? new Map<Value, number>();
        coincidences.set(values[i]!, row);
        row.set(values[j]!, (row.get(values[j]!) ?? 0) + 1 / (m - 1));
      }
    }
  }
  const categories = sortCategories([...coincidences.keys()], level, order);
  const marginals = categories.map((c) => sum(coincidences.get(c)!.values()));
  const n = sum(marginals);
  if (n === 0) return { value: null, units: units.length, pairable: 0, observed: null, expected: null };
  const distance = distanceFunction(level, categories, marginals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories.length; c += 1) {
    for (let k = 0; k < categories.length; k += 1) {
      const d = distance(c, k);
      if (d === 0) continue;
      observed += (coincidences.get(categories[c]!)!.get(categories[k]!) ?? 0) * d;
      expected += marginals[c]! * marginals[k]! * d;
    }
  }
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  const value = expectedDisagreement === 0 ? null : 1 - observedDisagreement / expectedDisagreement;
  return {
    value,
    units: units.length,
    pairable: pairableUnits,
    observed: observedDisagreement,
    expected: expectedDisagreement,
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function sortCategories(values: Value[], level: ValueLevel, order?: readonly Value[]): Value[] {
  const natural = (a: Value, b: Value): number =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  if (level !== 'ordinal' || !order) return values.sort(natural);
  const rank = (v: Value): number => {
    const index = order.indexOf(v);
    return index === -1 ? order.length : index;
  };
  return values.sort((a, b) => rank(a) - rank(b) || natural(a, b));
}

function distanceFunction(level: ValueLevel, categories: Value[], marginals: number[]): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (level === 'interval') {
    return (c, k) => {
      const a = categories[c]!;
      const b = categories[k]!;
      if (typeof a !== 'number' || typeof b !== 'number') throw new TypeError('interval α needs numeric values');
      return (a - b) ** 2;
    };
  }
  // Ordinal: δ²_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with ranks from the order of categories.
  const cumulative: number[] = [];
  let running = 0;
  for (const m of marginals) cumulative.push((running += m));
  return (c, k) => {
    if (c === k) return 0;
    const low = Math.min(c, k);
    const high = Math.max(c, k);
    const between = cumulative[high]! - (low > 0 ? cumulative[low - 1]! : 0);
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
}
