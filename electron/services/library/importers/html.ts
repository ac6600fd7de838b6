// HTML to plain paragraphs and metadata. The page is parsed by jsdom with scripts off and no
// resource loading (the defaults, stated again here), so nothing in it runs or reaches the
// network; Mozilla's Readability picks the article body; a walk over the DOM turns it into
// text. Only that text, and metadata strings, leave this module.
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { checkTextLength, importError } from './limits';
import { linkedDataArticle, normaliseDate, titleWithoutSite } from './page-metadata';

interface HtmlDocument {
  title: string | null;
  text: string;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
}

interface HtmlOptions {
  /** Run Readability (a whole page). Off for the clipboard, whose fragment is what the analyst chose. */
  article: boolean;
  /** Where the page came from (MHTML's Content-Location), for relative links only. */
  baseUrl?: string | null;
}

/** Never rendered, never shown: elements whose content is not prose. */
const skipped = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'APPLET',
  'SVG', 'MATH', 'CANVAS', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'SOURCE', 'TRACK', 'MAP', 'AREA', 'INPUT',
  'SELECT', 'OPTION', 'TEXTAREA', 'BUTTON', 'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'DIALOG',
]);

/** Page furniture removed before Readability looks at the page. */
const furniture = 'nav, [role="navigation"], [role="banner"], [role="complementary"], [role="contentinfo"], aside, form, [hidden], [aria-hidden="true"]';

const blocks = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'CAPTION',
  'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR', 'BODY', 'HTML', 'DETAILS', 'SUMMARY', 'CENTER', 'FIELDSET', 'LEGEND',
]);

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** The visible text of a DOM subtree as paragraphs separated by blank lines. */
export function domToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const lines = current
      .split('\n')
      .map((line) => line.replace(/[ \t\f\r\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: Node, pre: boolean): void => {
    if (node.nodeType === 3 /* text */) {
      const value = node.nodeValue ?? '';
      current += pre ? value : value.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 /* element */ && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node as Element;
    const tag = node.nodeType === 1 ? el.tagName.toUpperCase() : '#';
    if (skipped.has(tag) || (node.nodeType === 1 && isHidden(el))) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    const block = blocks.has(tag);
    if (block) flush();
    if ((tag === 'TD' || tag === 'TH') && current.trim() !== '') current += ' | ';
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, pre || tag === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n');
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const el of doc.querySelectorAll('meta')) {
      const name = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
      const content = el.getAttribute('content')?.replace(/\s+/g, ' ').trim();
      if (name === key && content) return content;
    }
  }
  return null;
}

/** Only web addresses are kept (never javascript:, data: or file: URLs). */
function webUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function cleanByline(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.replace(/\s+/g, ' ').replace(/^by\s+/i, '').trim();
  if (value === '' || /^https?:\/\//i.test(value)) return null;
  return value.slice(0, 300);
}

function oneLine(raw: string | null | undefined): string | null {
  const value = raw?.replace(/\s+/g, ' ').trim();
  return value ? value.slice(0, 500) : null;
}

/** Parses HTML with nothing executed or fetched. */
function parseHtmlDom(html: string, baseUrl?: string | null): JSDOM {
  return new JSDOM(html, {
    url: webUrl(baseUrl) ?? 'https://glossa.invalid/',
    contentType: 'text/html',
    // The defaults, said out loud: no <script> runs, no image, frame or stylesheet is loaded.
    runScripts: undefined,
    resources: undefined,
    pretendToBeVisual: false,
    virtualConsole: new VirtualConsole(),
  });
}

export function htmlToDocument(fileName: string, html: string, options: HtmlOptions): HtmlDocument {
  const dom = parseHtmlDom(html, options.baseUrl);
  try {
    const doc = dom.window.document;
    const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
    // JSON-LD lives in <script>, removed below: read it first. It names author and publisher
    // more reliably than meta tags (which often hold a profile URL or nothing).
    const linked = linkedDataArticle(doc);
    const metadata = {
      title: oneLine(meta(doc, 'og:title', 'twitter:title', 'dc.title', 'headline')),
      outlet: oneLine(meta(doc, 'og:site_name', 'application-name') ?? linked?.publisher ?? meta(doc, 'publisher', 'dc.publisher')),
      author: cleanByline(linked?.author) ?? cleanByline(meta(doc, 'author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author')),
      publishedAt: normaliseDate(
        linked?.datePublished ??
          meta(doc, 'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'parsely-pub-date') ??
          doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
          linked?.dateCreated,
      ),
      url: webUrl(canonical, doc.baseURI) ?? webUrl(meta(doc, 'og:url')) ?? webUrl(linked?.url, doc.baseURI) ?? webUrl(options.baseUrl),
    };
    const pageTitle = oneLine(doc.title);
    for (const el of doc.querySelectorAll(
      'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, math, canvas, img, picture, video, audio, source, track, map, link, base',
    )) {
      el.remove();
    }
    // Inline data (a 10 MB data: URL, a huge style) carries no prose and slows every pass over the page.
    for (const el of doc.querySelectorAll('*')) {
      for (const attribute of [...el.attributes]) if (attribute.value.length > 2048) el.removeAttribute(attribute.name);
    }
    let text = '';
    let readabilityTitle: string | null = null;
    let byline: string | null = null;
    let siteName: string | null = null;
    if (options.article) {
      for (const el of doc.querySelectorAll(furniture)) el.remove();
      const article = new Readability(doc.cloneNode(true) as Document, { serializer: (node: Node) => node, keepClasses: false }).parse();
      if (article?.content) {
        text = domToText(article.content as unknown as Node);
        readabilityTitle = oneLine(article.title);
        byline = cleanByline(article.byline);
        siteName = oneLine(article.siteName);
      }
    }
    // Too little for an article (or a fragment): the whole visible body.
    if (text.trim().length < 40) text = domToText(doc.body ?? doc);
    const outlet = metadata.outlet ?? siteName;
    // JSON-LD's headline comes last: some sites put the page's type there ("Wikimedia list article").
    const title = titleWithoutSite(metadata.title ?? readabilityTitle ?? pageTitle ?? oneLine(linked?.headline), outlet);
    // The headline belongs to the report: keep it as the first paragraph.
    if (title && options.article && !text.slice(0, title.length + 200).includes(title)) text = `${title}\n\n${text}`;
    if (text.trim() === '') throw importError(`${fileName} has no readable text (after scripts, navigation and markup are removed).`);
    checkTextLength(fileName, text);
    return {
      title,
      text,
      outlet,
      author: metadata.author ?? byline,
      publishedAt: metadata.publishedAt,
      url: metadata.url,
    };
  } finally {
    dom.window.close();
  }
}
