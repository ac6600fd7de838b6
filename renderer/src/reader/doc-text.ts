// What the reader's text functions read of a document's text: a plain string satisfies it, and
// so does the windowed text of a long report (state/document-window.ts), which knows the loaded
// windows only. Offsets are UTF-16 code units, as stored.

export interface DocText {
  readonly length: number;
  charAt(offset: number): string;
  charCodeAt(offset: number): number;
  codePointAt(offset: number): number | undefined;
  slice(start: number, end?: number): string;
}
