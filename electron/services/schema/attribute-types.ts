// What a value of each attribute type may be: checked before any value is stored (as JSON),
// and read from the command line's text.
import { AppError } from '../../../shared/errors';
import type { AttributeValue, LabelAttribute } from '../../../shared/schemas/schema';

export function decodeValue(json: string): AttributeValue {
  return JSON.parse(json) as AttributeValue;
}

function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const quoteList = (options: readonly string[]): string => options.map((o) => `"${o}"`).join(', ');

/** Why the value does not fit the attribute, or null when it does. */
export function checkValue(attribute: LabelAttribute, value: unknown): string | null {
  const name = `"${attribute.name}"`;
  switch (attribute.type) {
    case 'choice':
      if (typeof value !== 'string' || !attribute.options.includes(value)) {
        return `${name} must be one of ${quoteList(attribute.options)} (got ${JSON.stringify(value)}).`;
      }
      return null;
    case 'multi': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return `${name} takes a list of options from ${quoteList(attribute.options)} (got ${JSON.stringify(value)}).`;
      }
      const bad = (value as string[]).find((v) => !attribute.options.includes(v));
      if (bad !== undefined) return `"${bad}" is not an option of ${name}; options: ${quoteList(attribute.options)}.`;
      if (new Set(value).size !== value.length) return `${name} lists an option twice.`;
      return null;
    }
    case 'text':
      if (typeof value !== 'string') return `${name} takes text (got ${JSON.stringify(value)}).`;
      if (value.length > 10_000) return `${name} takes at most 10,000 characters.`;
      return null;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} takes a number (got ${JSON.stringify(value)}).`;
      return null;
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) {
        return `${name} takes a date as YYYY-MM-DD (got ${JSON.stringify(value)}).`;
      }
      return null;
    case 'boolean':
      if (typeof value !== 'boolean') return `${name} takes true or false (got ${JSON.stringify(value)}).`;
      return null;
  }
}

/** Reads a value typed on the command line ("disputed", "a,b", "12", "true") for the attribute. */
export function parseTypedValue(attribute: LabelAttribute, raw: string): AttributeValue | null {
  if (raw === '') return null;
  switch (attribute.type) {
    case 'multi':
      return raw.split(',').map((v) => v.trim()).filter((v) => v !== '');
    case 'number': {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) throw new AppError('INVALID_ARGS', `"${attribute.name}" takes a number (got "${raw}").`);
      return n;
    }
    case 'boolean': {
      const lower = raw.toLowerCase();
      if (['true', 'yes', '1'].includes(lower)) return true;
      if (['false', 'no', '0'].includes(lower)) return false;
      throw new AppError('INVALID_ARGS', `"${attribute.name}" takes true or false (got "${raw}").`);
    }
    default:
      return raw;
  }
}
