// Reading helpers shared by the JSON dataset formats: one JSON value per line, the offset unit
// a record declares, and the attribute values and place Glossa writes on an annotation.
import type { OffsetUnit } from '../../../../shared/offsets';
import type { AttributeValue } from '../../../../shared/schemas/schema';
import { importError, jsonProblem, optNumber, optString, type InAnnotation } from '../model';

/** One JSON value per non-blank line; a malformed line fails the import naming it. */
export function* jsonLines(text: string, file: string): Generator<[unknown, number]> {
  let line = 0;
  let at = 0;
  while (at <= text.length) {
    let next = text.indexOf('\n', at);
    if (next === -1) next = text.length;
    line += 1;
    const raw = text.slice(at, next).replace(/\r$/, '');
    at = next + 1;
    if (raw.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw importError(file, line, `not valid JSON (${jsonProblem(error)}).`);
    }
    yield [value, line];
  }
}

export function unitOf(value: unknown, fallback: OffsetUnit): OffsetUnit {
  return value === 'utf16' ? 'utf16' : value === 'codepoint' ? 'codepoint' : fallback;
}

export function attributesOf(value: unknown): Record<string, AttributeValue> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, AttributeValue>) : undefined;
}

export function placeOf(value: unknown): InAnnotation['place'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Record<string, unknown>;
  const lat = optNumber(p.lat);
  const lon = optNumber(p.lon);
  const name = optString(p.name);
  if (lat === undefined || lon === undefined || name === undefined) return undefined;
  return {
    name,
    lat,
    lon,
    geonameid: optNumber(p.geonameid) ?? null,
    country: optString(p.country) ?? null,
    admin1: optString(p.admin1) ?? null,
    population: optNumber(p.population) ?? null,
    resolvedBy: p.resolvedBy === 'gazetteer' || p.resolved_by === 'gazetteer' ? 'gazetteer' : 'manual',
    resolvedAt: optString(p.resolvedAt) ?? optString(p.resolved_at),
  };
}

/** A covering span's fragments as Glossa writes them: [[start, end], …] (doccano) or [{start, end}] (Glossa JSONL). */
export function fragmentsOf(value: unknown): { fragments?: { start: number; end: number }[] } {
  if (!Array.isArray(value) || value.length < 2) return {};
  const out: { start: number; end: number }[] = [];
  for (const f of value) {
    const [start, end] = Array.isArray(f) ? [f[0], f[1]] : typeof f === 'object' && f !== null ? [(f as Record<string, unknown>).start, (f as Record<string, unknown>).end] : [];
    if (typeof start !== 'number' || typeof end !== 'number') return {};
    out.push({ start, end });
  }
  return { fragments: out };
}
