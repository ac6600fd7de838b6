// Reads what the analyst typed into a search: words, "phrases", prefix*, AND/OR/NOT (and -word),
// NEAR(a b, 5), parentheses, and filters (label:, outlet:, tag:, from:, to:, Label.attribute:value,
// and WITHIN Label).
// Words are folded like the index (foldForSearch, shared/text/fold.ts) and every one goes to FTS5 quoted, so no input can
// reach FTS5 as syntax: a query either parses here, with a message that says what is wrong, or
// becomes a well-formed FTS5 expression.
import { AppError } from '../../../shared/errors';
import { foldForSearch } from '../../../shared/text/fold';
import { tokenize } from './tokens';

/** A word, a phrase, or a prefix: folded tokens that must follow each other. */
export interface MatchNode {
  kind: 'match';
  tokens: string[];
  /** The last token matches any word it begins. */
  prefix: boolean;
}
export type QueryNode =
  | MatchNode
  | { kind: 'near'; items: MatchNode[]; distance: number }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; include: QueryNode; exclude: QueryNode };

export interface AttributeFilter {
  label: string;
  attribute: string;
  value: string;
}

export interface QueryFilters {
  labels: string[];
  outlets: string[];
  tags: string[];
  from: string | null;
  to: string | null;
  attributes: AttributeFilter[];
}

export interface ParsedQuery {
  /** null when the query is only filters. */
  text: QueryNode | null;
  filters: QueryFilters;
}

type Lexeme =
  | { kind: 'word'; value: string }
  | { kind: 'phrase'; value: string }
  | { kind: 'open' | 'close' | 'comma' }
  | { kind: 'filter'; name: string; value: string };

const filterNames = new Set(['label', 'outlet', 'tag', 'from', 'to']);
const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function badQuery(message: string): AppError {
  return new AppError('INVALID_ARGS', `Search: ${message}`);
}

function lex(input: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  const readQuoted = (): string => {
    const close = input.indexOf('"', i + 1);
    if (close < 0) throw badQuery('a phrase is missing its closing quote (").');
    const value = input.slice(i + 1, close);
    i = close + 1;
    return value;
  };
  while (i < input.length) {
    const char = input[i]!;
    if (/\s/u.test(char)) i += 1;
    else if (char === '(' || char === ')' || char === ',') {
      lexemes.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma' });
      i += 1;
    } else if (char === '"') lexemes.push({ kind: 'phrase', value: readQuoted() });
    else {
      let end = i;
      while (end < input.length && !/[\s(),"]/u.test(input[end]!)) end += 1;
      const word = input.slice(i, end);
      i = end;
      const filter = /^([^:]+):(.*)$/u.exec(word);
      const name = filter?.[1]?.toLowerCase() ?? '';
      if (filter && (filterNames.has(name) || filter[1]!.includes('.'))) {
        const value = filter[2] === '' && input[i] === '"' ? readQuoted() : filter[2]!;
        if (value === '') throw badQuery(`"${filter[1]}:" needs a value, e.g. ${filter[1]}:"some value".`);
        lexemes.push({ kind: 'filter', name: filter[1]!, value });
      } else lexemes.push({ kind: 'word', value: word });
    }
  }
  return withinAsLabelFilter(lexemes);
}

/** `Aleppo WITHIN Location` reads as `Aleppo label:Location` (text inside spans of the label). */
function withinAsLabelFilter(lexemes: Lexeme[]): Lexeme[] {
  const out: Lexeme[] = [];
  for (let at = 0; at < lexemes.length; at += 1) {
    const lexeme = lexemes[at]!;
    const next = lexemes[at + 1];
    if (lexeme.kind === 'word' && lexeme.value === 'WITHIN') {
      if (next?.kind !== 'word' && next?.kind !== 'phrase') throw badQuery('WITHIN needs a label after it, e.g. Aleppo WITHIN Location.');
      out.push({ kind: 'filter', name: 'label', value: next.value });
      at += 1;
    } else out.push(lexeme);
  }
  return out;
}

const arabicWord = /^[\u0620-\u064a\u066e-\u06d3]{2,}$/u;

function matchNode(text: string, prefix: boolean): MatchNode | null {
  const tokens = tokenize(foldForSearch(text)).map((token) => token.text);
  return tokens.length === 0 ? null : { kind: 'match', tokens, prefix };
}

/** A word; an Arabic word without the article also finds it with the article (مدرسة finds المدرسة). */
function wordNode(text: string, prefix: boolean): QueryNode | null {
  const node = matchNode(text, prefix);
  const word = node?.tokens.length === 1 ? node.tokens[0]! : '';
  if (!node || !arabicWord.test(word) || word.startsWith('ال')) return node;
  return { kind: 'or', items: [node, { kind: 'match', tokens: [`ال${word}`], prefix }] };
}

class Parser {
  private at = 0;
  readonly filters: QueryFilters = { labels: [], outlets: [], tags: [], from: null, to: null, attributes: [] };

  constructor(private readonly lexemes: Lexeme[]) {}

  parse(): QueryNode | null {
    const node = this.or();
    const rest = this.lexemes[this.at];
    if (rest) throw badQuery(rest.kind === 'close' ? 'a ")" has no "(" before it.' : 'the query does not read to its end.');
    return node;
  }

  private peekWord(value: string): boolean {
    const next = this.lexemes[this.at];
    return next?.kind === 'word' && next.value === value;
  }

  private or(): QueryNode | null {
    const items: QueryNode[] = [];
    const first = this.and();
    if (first) items.push(first);
    while (this.peekWord('OR')) {
      this.at += 1;
      const next = this.and();
      if (!next || items.length === 0) throw badQuery('OR needs something to search for on both sides.');
      items.push(next);
    }
    return items.length === 0 ? null : items.length === 1 ? items[0]! : { kind: 'or', items };
  }

  private and(): QueryNode | null {
    const include: QueryNode[] = [];
    const exclude: QueryNode[] = [];
    for (;;) {
      const next = this.lexemes[this.at];
      if (!next || next.kind === 'close' || next.kind === 'comma' || this.peekWord('OR')) break;
      if (this.peekWord('AND')) {
        this.at += 1;
        continue;
      }
      let negated = false;
      if (this.peekWord('NOT')) {
        this.at += 1;
        negated = true;
      } else if (next.kind === 'word' && next.value.startsWith('-') && next.value.length > 1) {
        this.lexemes[this.at] = { kind: 'word', value: next.value.slice(1) };
        negated = true;
      }
      const node = this.unary();
      if (!node) {
        if (negated) throw badQuery('NOT needs a word after it.');
        continue;
      }
      (negated ? exclude : include).push(node);
    }
    if (include.length === 0 && exclude.length > 0) {
      throw badQuery('NOT only leaves things out: put what to search for before it, e.g. Aleppo NOT Idlib.');
    }
    if (include.length === 0) return null;
    let node: QueryNode = include.length === 1 ? include[0]! : { kind: 'and', items: include };
    for (const out of exclude) node = { kind: 'not', include: node, exclude: out };
    return node;
  }

  private unary(): QueryNode | null {
    const next = this.lexemes[this.at++]!;
    switch (next.kind) {
      case 'open': {
        const inner = this.or();
        if (this.lexemes[this.at]?.kind !== 'close') throw badQuery('a "(" is missing its ")".');
        this.at += 1;
        return inner;
      }
      case 'phrase':
        return matchNode(next.value, this.prefixFollows());
      case 'filter':
        this.addFilter(next.name, next.value);
        return null;
      case 'word':
        if (next.value === 'NEAR' && this.lexemes[this.at]?.kind === 'open') return this.near();
        if (next.value === 'AND' || next.value === 'OR' || next.value === 'NOT') throw badQuery(`${next.value} needs words on both sides.`);
        return wordNode(next.value.replace(/\*+$/u, ''), next.value.endsWith('*'));
      default:
        throw badQuery(next.kind === 'close' ? 'a ")" has no "(" before it.' : 'a "," belongs inside NEAR(…).');
    }
  }

  /** `"phrase"*`: a star right after the closing quote. */
  private prefixFollows(): boolean {
    const next = this.lexemes[this.at];
    if (next?.kind === 'word' && next.value === '*') {
      this.at += 1;
      return true;
    }
    return false;
  }

  private near(): QueryNode | null {
    this.at += 1; // (
    const items: MatchNode[] = [];
    let distance = 10;
    for (;;) {
      const next = this.lexemes[this.at++];
      if (!next) throw badQuery('NEAR( is missing its ")".');
      if (next.kind === 'close') break;
      if (next.kind === 'comma') {
        const count = this.lexemes[this.at++];
        if (count?.kind !== 'word' || !/^\d{1,4}$/u.test(count.value) || this.lexemes[this.at++]?.kind !== 'close') {
          throw badQuery('NEAR takes words, then a comma and a distance in words, e.g. NEAR(convoy border, 5).');
        }
        distance = Number(count.value);
        break;
      }
      if (next.kind !== 'word' && next.kind !== 'phrase') throw badQuery('NEAR(…) takes only words and "phrases".');
      const node = matchNode(next.kind === 'word' ? next.value.replace(/\*+$/u, '') : next.value, next.kind === 'word' && next.value.endsWith('*'));
      if (node) items.push(node);
    }
    if (items.length < 2) return items[0] ?? null;
    return { kind: 'near', items, distance };
  }

  private addFilter(name: string, value: string): void {
    const key = name.toLowerCase();
    if (key === 'label') this.filters.labels.push(value);
    else if (key === 'outlet') this.filters.outlets.push(value);
    else if (key === 'tag') this.filters.tags.push(value);
    else if (key === 'from' || key === 'to') {
      if (!datePattern.test(value)) throw badQuery(`${key}: takes a date like 2025-03-14, 2025-03 or 2025.`);
      this.filters[key] = value;
    } else {
      const dot = name.indexOf('.');
      this.filters.attributes.push({ label: name.slice(0, dot), attribute: name.slice(dot + 1), value });
    }
  }
}

/** Parses a query; throws INVALID_ARGS with a message for the analyst when it cannot. */
export function parseQuery(input: string): ParsedQuery {
  const parser = new Parser(lex(input));
  const text = parser.parse();
  return { text, filters: parser.filters };
}

function phrase(node: MatchNode): string {
  return `"${node.tokens.join(' ')}"${node.prefix ? ' *' : ''}`;
}

/** The FTS5 expression of a parsed query (every token quoted). */
export function toFts(node: QueryNode): string {
  switch (node.kind) {
    case 'match':
      return phrase(node);
    case 'near':
      return `NEAR(${node.items.map(phrase).join(' ')}, ${node.distance})`;
    case 'and':
      return `(${node.items.map(toFts).join(' AND ')})`;
    case 'or':
      return `(${node.items.map(toFts).join(' OR ')})`;
    case 'not':
      return `(${toFts(node.include)} NOT ${toFts(node.exclude)})`;
  }
}

/** The words, phrases and prefixes a hit may show: every match the query asks for, not those it excludes. */
export function wantedMatches(node: QueryNode | null): MatchNode[] {
  if (!node) return [];
  switch (node.kind) {
    case 'match':
      return [node];
    case 'near':
      return node.items;
    case 'and':
    case 'or':
      return node.items.flatMap(wantedMatches);
    case 'not':
      return wantedMatches(node.include);
  }
}
