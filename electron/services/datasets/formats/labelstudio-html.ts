// Label Studio tasks of an HTML config (<HyperText> with <HyperTextLabels>): the task holds the
// page's HTML, and each region names where it is by XPath with offsets inside text nodes, its
// offsets in the page's whole text ("globalOffsets") and its text. Glossa stores the text the
// library's HTML import makes of the same HTML (html.ts, as for a pasted fragment: all visible
// text), and places each region by its text, told apart from repeats by the words around it in
// the page's text. A region that cannot be placed so is reported, never placed elsewhere.
import { decodeHTML } from 'entities';
import { ParserPool } from '../../library/importers/pool';
import { importError, optNumber, optString } from '../model';

export interface HtmlRegion {
  quote: string | undefined;
  prefix: string | undefined;
  suffix: string | undefined;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The pages' texts as the library imports HTML, on an import worker (where jsdom and the HTML
 * path live), as for a pasted fragment: all visible text, no Readability. One worker for a
 * file's tasks, started on the first; close() ends it.
 */
export class HtmlReader {
  private pool: ParserPool | undefined;

  async text(where: string, html: string): Promise<string> {
    this.pool ??= new ParserPool({ concurrency: 1 });
    const result = await this.pool.run({ kind: 'clipboard', html, text: '' });
    if (!result.ok) throw importError(where, null, `its HTML could not be read: ${result.reason.replace(/^Clipboard:?\s*/, '')}`);
    return result.doc.text;
  }

  close(): void {
    this.pool?.close();
  }
}

/**
 * The page's text content (what Label Studio's global offsets count in), near enough for the
 * words around a region: markup, scripts, styles and comments out, entities decoded.
 */
export function htmlTextContent(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return decodeHTML(body.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '').replace(/<[^>]*>/g, ''));
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
