// Case folding for every script, as search filters compare text: NFKC, then upper and lower case
// (ß → ss, final sigma → σ, dotless ı → i), and the dot that lower-casing İ leaves on the i goes,
// so 'İstanbul', 'ISTANBUL' and 'istanbul' fold alike. Diacritics stay: é is not e. Only for
// matching: the folded text's length differs from the original, so no offsets come from it.
export function foldCase(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().replace(/i\u0307/g, 'i');
}
