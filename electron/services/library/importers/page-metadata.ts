// A web page's metadata as a person would file it: the article's JSON-LD (schema.org
// NewsArticle and kin) read before scripts are stripped, dates as ISO YYYY-MM-DD when they can
// be read (the raw string is kept when not), and titles without the site's name appended.
import * as chrono from 'chrono-node';

export interface LinkedDataArticle {
  headline: string | null;
  author: string | null;
  publisher: string | null;
  datePublished: string | null;
  /** Weaker than any datePublished: sites fill it with the last edit. */
  dateCreated: string | null;
  url: string | null;
}

const articleTypes = /^(?:Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || null;
  if (Array.isArray(value)) return value.map(text).filter((v): v is string => v !== null).join(', ') || null;
  if (value && typeof value === 'object') return text(value.name) ?? text(value['@value']);
  return null;
}

function typesOf(node: { [key: string]: Json }): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object in a JSON-LD value, @graph and arrays flattened. */
function* nodes(value: Json): Generator<{ [key: string]: Json }> {
  if (Array.isArray(value)) for (const item of value) yield* nodes(item);
  else if (value && typeof value === 'object') {
    yield value;
    if (value['@graph']) yield* nodes(value['@graph']);
  }
}

/** The page's article as its JSON-LD describes it; null when it has none (or none parses). */
export function linkedDataArticle(doc: Document): LinkedDataArticle | null {
  let best: { [key: string]: Json } | null = null;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let parsed: Json;
    try {
      parsed = JSON.parse(script.textContent ?? '') as Json;
    } catch {
      continue; // broken JSON-LD is common; the page's other metadata still counts
    }
    for (const node of nodes(parsed)) {
      const types = typesOf(node);
      if (!types.some((t) => articleTypes.test(t))) continue;
      // A WebPage only when nothing better is there: news sites describe both.
      if (!best || (typesOf(best).includes('WebPage') && !types.includes('WebPage'))) best = node;
    }
  }
  if (!best) return null;
  const mainEntity = best.mainEntityOfPage;
  return {
    headline: text(best.headline),
    author: text(best.author),
    publisher: text(best.publisher),
    datePublished: text(best.datePublished),
    dateCreated: text(best.dateCreated),
    url: text(best.url) ?? (typeof mainEntity === 'string' ? mainEntity : text((mainEntity as { [key: string]: Json } | undefined)?.['@id'])),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as ISO YYYY-MM-DD, as the page wrote it (no time-zone shift: "Sat, 14 Mar 2026
 * 23:30 -0500" is the 14th); null when it names no day of a year it spells out.
 */
export function isoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const value = raw.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const found = chrono.strict.parse(value)[0];
  if (!found || !found.start.isCertain('day') || !found.start.isCertain('month')) return null;
  const year = found.start.get('year');
  // Relative dates ("3 hours ago") are relative to when the page was saved, not to now.
  if (year === null || !value.includes(String(year))) return null;
  return `${year}-${pad(found.start.get('month')!)}-${pad(found.start.get('day')!)}`;
}

/** The ISO date when it can be read, else the raw string (at most 64 characters), else null. */
export function normaliseDate(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (!value) return null;
  return isoDate(value) ?? value.slice(0, 64);
}

/** "Rebels seize Daraa - BBC News" → "Rebels seize Daraa" when the site is BBC News. */
export function titleWithoutSite(title: string | null, siteName: string | null): string | null {
  if (!title || !siteName) return title;
  const site = siteName.trim().toLowerCase();
  for (const separator of [' - ', ' | ', ' – ', ' — ', ' :: ', ' · ']) {
    const at = title.lastIndexOf(separator);
    if (at > 0 && title.slice(at + separator.length).trim().toLowerCase() === site) return title.slice(0, at).trim();
    const first = title.indexOf(separator);
    if (first > 0 && title.slice(0, first).trim().toLowerCase() === site) return title.slice(first + separator.length).trim();
  }
  return title;
}
