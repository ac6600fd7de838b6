// Label Studio tasks of an HTML config (<HyperText> with <HyperTextLabels>): the task holds the
// page's HTML, and each region names where it is by XPath with offsets inside text nodes, its
// offsets in the page's whole text ("globalOffsets") and its text. Glossa stores the text the
// library's HTML import makes of the same HTML (html.ts, as for a pasted fragment: all visible
// text), and places each region by its text, told apart from repeats by the words around it in
// the page's text. A region that cannot be placed so is reported, never placed elsewhere.
import { JSDOM, VirtualConsole } from 'jsdom';
import { optNumber, optString } from '../model';

export interface HtmlRegion {
  quote: string | undefined;
  prefix: string | undefined;
  suffix: string | undefined;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/** The page's text as the library imports it, and its title. */
export async function htmlTaskText(fileName: string, html: string): Promise<{ text: string; title: string | null }> {
  const { htmlToDocument } = await import('../../library/importers/html');
  const doc = htmlToDocument(fileName, html, { article: false });
  return { text: doc.text, title: doc.title };
}

/** The page's whole text content, which Label Studio's global offsets count in. */
export function htmlTextContent(html: string): string {
  const dom = new JSDOM(html, { contentType: 'text/html', runScripts: undefined, resources: undefined, virtualConsole: new VirtualConsole() });
  try {
    return dom.window.document.body?.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

/** A region's quote and the words around it, from its text and its global offsets. */
export function htmlRegion(value: Record<string, unknown>, textContent: string): HtmlRegion {
  const global = (typeof value.globalOffsets === 'object' && value.globalOffsets !== null ? value.globalOffsets : {}) as Record<string, unknown>;
  const start = optNumber(global.start);
  const end = optNumber(global.end);
  const inPage = start !== undefined && end !== undefined && start >= 0 && end > start && end <= textContent.length ? textContent.slice(start, end) : undefined;
  const given = optString(value.text);
  const quote = (given ?? inPage)?.trim();
  if (inPage === undefined || (given !== undefined && inPage !== given)) return { quote, prefix: undefined, suffix: undefined };
  // The context as the stored text writes white space: collapsed.
  return { quote, prefix: collapse(textContent.slice(Math.max(0, start! - 64), start)).slice(-32), suffix: collapse(textContent.slice(end, end! + 64)).slice(0, 32) };
}
