// Place names are matched by a normalised key: compatibility-decomposed (NFKD), without
// diacritics, lowercased, punctuation as spaces, and Arabic script unified (no tashkeel or
// tatweel; the alef forms as bare alef; alef maqsura and Persian ye as ya; ta marbuta as ha;
// Persian kaf as kaf), so "Dar‘ā", "Daraa" and "دَرْعا" find their entries however they are typed.

const arabicMap: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ alef wasla
  '\u0622': '\u0627', // آ (decomposed already; kept for NFKD-less input)
  '\u0623': '\u0627', // أ
  '\u0625': '\u0627', // إ
  '\u0649': '\u064A', // ى alef maqsura → ي
  '\u06CC': '\u064A', // ی Persian ye → ي
  '\u06D2': '\u064A', // ے
  '\u0629': '\u0647', // ة ta marbuta → ه
  '\u06A9': '\u0643', // ک Persian kaf → ك
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064A', // ئ → ي
  '\u0640': '', // tatweel
  '\u0621': '', // lone hamza
};

const latinMap: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ı: 'i',
  ł: 'l',
  þ: 'th',
};

/** Apostrophes and ayin/hamza marks in transliterations vanish ("Dar'a" = "Dara"); other punctuation separates words. */
const vanishing = /['’‘ʻʼʿʾ`´]/g;

const arabicSpecial = /[\u0621-\u0626\u0629\u0640\u0649\u0671\u06A9\u06CC\u06D2]/;
const arabicSpecialAll = new RegExp(arabicSpecial.source, 'g');
const latinSpecial = /[ßæœøđðħıłþ]/;
const latinSpecialAll = new RegExp(latinSpecial.source, 'g');
const printableAscii = /^[\x20-\x7e]*$/;

export function normalizeName(name: string): string {
  // Most names are plain ASCII: the same result without decomposition (twice as fast to load).
  if (printableAscii.test(name)) return normalizeAscii(name);
  let s = name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  if (arabicSpecial.test(s)) s = s.replace(arabicSpecialAll, (c) => arabicMap[c] ?? c);
  if (latinSpecial.test(s)) s = s.replace(latinSpecialAll, (c) => latinMap[c] ?? c);
  return s.replace(vanishing, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The key without a leading Arabic article ("al raqqah", "ar raqqa", "الرقة" → "raqqah", "رقه"). */
export function withoutArticle(key: string): string | null {
  const latin = /^(?:al|el|ar|as|ad|ash|at|az|an|ad)\s+(.+)$/.exec(key);
  if (latin) return latin[1]!;
  if (key.startsWith('\u0627\u0644') && key.length > 3) return key.slice(2).trim();
  return null;
}

/** normalizeName for printable ASCII, in one pass. */
function normalizeAscii(name: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c === 39 || c === 96) continue; // ' `
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (space && out !== '') out += ' ';
      space = false;
      out += String.fromCharCode(c);
    } else {
      space = true;
    }
  }
  return out;
}
