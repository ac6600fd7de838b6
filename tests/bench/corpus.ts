// A synthetic, reproducible report for the benchmark: news-like paragraphs (with some non-ASCII
// names and emoji) and annotations on whole words, some of them nested in or overlapping others.
// Everything comes from one seeded PRNG, so every run benchmarks the same bytes.

/** mulberry32: small, fast and good enough for test data. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const between = (rand: Rand, lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const places = [
  'Dorsk', 'Kestrava', 'Port Alder', 'Halvik', 'Tamsin Ford', 'Orrin Crossing', 'São Tomé', 'Kraków',
  'Đà Nẵng', 'Zürich', 'Reykjavík', 'Ciudad Juárez', 'Tromsø', 'the northern hills', 'the river delta',
];
const people = [
  'Samir Nuñez', 'Zoë Haddad', 'Ingrid Løvaas', 'Jürgen Weiß', 'Chidi Okonkwo', 'Ana Ćosić', 'Mei Lin',
  'François Lefèvre', 'Oğuz Yıldız', 'a senior official', 'a local volunteer', 'the provincial governor',
];
const outlets = ['Meridian Wire', 'the Vell Valley Monitoring Group', 'Radio Kestrava', 'the Harbour Gazette', 'state television'];
const verbs = ['said', 'told reporters', 'claimed', 'denied', 'confirmed', 'wrote in a statement', 'insisted', 'reported'];
const subjects = [
  'rebel commanders', 'government forces', 'aid convoys', 'the interior ministry', 'local officials', 'hospital staff',
  'river traffic', 'the electricity grid', 'grain prices', 'the ceasefire talks', 'election monitors', 'fishing crews',
];
const actions = [
  'had seized the bridge', 'were moving supplies overnight', 'could not reach the villages', 'had reopened the market',
  'were holding talks behind closed doors', 'had been cut off since Wednesday', 'expected more arrivals by the weekend',
  'had counted at least 40 casualties', 'would resume within days', 'had doubled since the spring',
];
const tails = [
  'according to drivers turned back at a checkpoint', 'though the figures could not be independently confirmed',
  'a claim the ministry rejected', 'citing hospital records', 'in a post that was later deleted',
  'as heavy rain closed the mountain road', 'while prices kept rising', 'in what residents called the worst week in years',
];
const emoji = ['🙂', '📍', '🚧', '🌧️', '📈', '🛰️', '⚠️'];
const openers = ['On Friday,', 'Late on Tuesday,', 'Earlier this month,', 'In a rare interview,', 'By nightfall,', 'Meanwhile,'];

function sentence(rand: Rand): string {
  const kind = rand();
  let s: string;
  if (kind < 0.3) {
    s = `${pick(rand, openers)} ${pick(rand, subjects)} in ${pick(rand, places)} ${pick(rand, actions)}, ${pick(rand, people)} ${pick(rand, verbs)}`;
  } else if (kind < 0.55) {
    s = `“${capitalise(pick(rand, subjects))} ${pick(rand, actions)},” ${pick(rand, people)} ${pick(rand, verbs)} in ${pick(rand, places)}`;
  } else if (kind < 0.8) {
    s = `${capitalise(pick(rand, outlets))} ${pick(rand, verbs)} that ${pick(rand, subjects)} near ${pick(rand, places)} ${pick(rand, actions)}, ${pick(rand, tails)}`;
  } else {
    s = `${capitalise(pick(rand, subjects))} ${pick(rand, actions)} — ${pick(rand, tails)}, ${between(rand, 2, 900)} km from ${pick(rand, places)}`;
  }
  if (rand() < 0.04) s += ` ${pick(rand, emoji)}`;
  return `${s}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paragraph(rand: Rand): string {
  const target = between(rand, 400, 900);
  let p = sentence(rand);
  while (p.length < target) {
    const next = sentence(rand);
    // Stay within 900 characters unless the paragraph is still short.
    if (p.length >= 400 && p.length + 1 + next.length > 900) break;
    p += ` ${next}`;
  }
  return p;
}

export interface BenchText {
  text: string;
  /** [start, end) of each paragraph. */
  paragraphs: { start: number; end: number }[];
}

/** Paragraphs separated by blank lines, exactly `length` UTF-16 code units long. */
export function makeText(seed: number, length = 1_000_000): BenchText {
  const rand = prng(seed);
  const parts: string[] = [];
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (;;) {
    let p = paragraph(rand);
    const sep = parts.length ? 2 : 0;
    const room = length - at - sep;
    if (room <= 0) break;
    if (p.length > room) {
      // The last paragraph is cut to fit, at a space when possible and never inside a surrogate pair.
      p = p.slice(0, room);
      const code = p.charCodeAt(p.length - 1);
      if (code >= 0xd800 && code <= 0xdbff) p = `${p.slice(0, -1)}.`;
      if (p.endsWith(' ')) p = `${p.slice(0, -1)}.`;
    }
    if (sep) parts.push('\n\n');
    at += sep;
    parts.push(p);
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length;
    if (at >= length) break;
  }
  const text = parts.join('');
  if (text.length !== length) throw new Error(`bench text is ${text.length} units, expected ${length}`);
  return { text, paragraphs };
}

export interface BenchSpan {
  labelId: 'claim' | 'source' | 'location';
  start: number;
  end: number;
}

const wordPattern = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
const labelIds = ['claim', 'source', 'location'] as const;

/**
 * `count` spans of 1–12 whole words inside paragraphs. About a quarter are nested in or overlap a
 * span placed before them; the rest are laid out in reading order with gaps of plain text.
 */
export function makeSpans(bench: BenchText, seed: number, count = 20_000, layeredShare = 0.25): BenchSpan[] {
  const rand = prng(seed);
  const words: { start: number; end: number; paragraph: number }[] = [];
  bench.paragraphs.forEach((p, index) => {
    for (const m of bench.text.slice(p.start, p.end).matchAll(wordPattern)) {
      words.push({ start: p.start + m.index, end: p.start + m.index + m[0].length, paragraph: index });
    }
  });
  const primaryCount = Math.round(count * (1 - layeredShare));
  const lengthOf = () => (rand() < 0.6 ? between(rand, 1, 4) : between(rand, 5, 12));
  // Mean span ~4.9 words; the mean gap is chosen so that the primaries spread over the whole text.
  const meanGap = Math.max(1, words.length / primaryCount - 5);
  const primaries: { first: number; last: number }[] = [];
  let w = between(rand, 0, 3);
  while (primaries.length < primaryCount && w < words.length) {
    let last = Math.min(words.length - 1, w + lengthOf() - 1);
    while (words[last]!.paragraph !== words[w]!.paragraph) last--;
    primaries.push({ first: w, last });
    w = last + 1 + between(rand, 1, Math.max(1, Math.round(meanGap * 2 - 1)));
  }
  const spans: BenchSpan[] = primaries.map((p) => ({ labelId: pick(rand, labelIds), start: words[p.first]!.start, end: words[p.last]!.end }));
  while (spans.length < count) {
    const base = pick(rand, primaries);
    const size = base.last - base.first + 1;
    let first: number;
    let last: number;
    if (size >= 2 && rand() < 0.6) {
      // Nested: a sub-run of the primary's words.
      first = base.first + between(rand, 0, size - 1);
      last = between(rand, first, base.last);
    } else {
      // Overlapping: starts inside the primary and runs past its end (within the paragraph).
      first = base.first + between(rand, 0, size - 1);
      last = base.last + between(rand, 1, 4);
      while (last >= words.length || words[last]!.paragraph !== words[first]!.paragraph) last--;
      if (last <= base.last) last = Math.max(first, base.last);
    }
    spans.push({ labelId: pick(rand, labelIds), start: words[first]!.start, end: words[last]!.end });
  }
  return spans;
}
