// brat names cannot hold spaces: spaces become "_" on export, and names are matched back against
// the schema on import. A name the schema does not know is kept exactly as written (`_gt_N`).
export const bratName = (name: string): string => name.trim().replace(/\s+/g, '_');

/** A quote or note on one .ann line: brat writes line breaks and tabs inside them as spaces. */
export const oneLine = (text: string): string => text.replace(/\r\n|\r|\n|\t/g, ' ');

/** Schema names by their brat spelling (lower case), to read a brat name back. */
export function nameMatcher(names: Iterable<string>): (written: string) => string {
  const byBrat = new Map<string, string>();
  for (const n of names) byBrat.set(bratName(n).toLowerCase(), n);
  return (written) => byBrat.get(written.toLowerCase()) ?? written;
}
