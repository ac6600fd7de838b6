// Where N and Shift+N go: the next (or previous) of the ascending indexes after (or before) the
// current row, wrapping round at either end; from no row, the first (or the last).

export function nextIndex(indexes: readonly number[], current: number | null, direction: 1 | -1): number | null {
  if (indexes.length === 0) return null;
  if (direction === 1) return indexes.find((i) => current === null || i > current) ?? indexes[0]!;
  return [...indexes].reverse().find((i) => current === null || i < current) ?? indexes[indexes.length - 1]!;
}
