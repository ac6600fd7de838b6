// The analysis commands of the CLI (issue 5): relate, set, places, resolve, schema. cli.ts
// parses the command line and hands these commands here.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../shared/errors';
import type { AttributeValue } from '../shared/schemas/schema';
import { RawOutput, readStdin } from './cli-io';
import type { Core } from './core';
import { getAnnotation } from './services/annotate/annotations';
import { setValues } from './services/annotate/attribute-values';
import { createRelation } from './services/annotate/relations';
import { writeFileAtomic } from './services/atomic-write';
import { resolveFileTarget } from './services/export-target/resolve';
import { placeCandidates, resolvePlace } from './services/places/places';
import { parseTypedValue } from './services/schema/attribute-types';
import { listAttributes } from './services/schema/attributes';
import { findRelationType, listRelationTypes } from './services/schema/relation-types';
import { importSchema, schemaJson } from './services/schema/schema-file';

/** Each analysis command's usage, as `glossa <command> --help` prints it. */
export const analysisCommandUsage: Readonly<Record<string, string>> = {
  relate: `  relate <fromAnnotationId> <toAnnotationId> --type TYPE
                                          Link two annotations of a document ("attributed to",
                                          "located at", or another relation type).`,
  set: `  set <annotationId> --attr NAME=VALUE [--attr ...]
                                          Set attribute values (empty VALUE clears; a multi-choice
                                          takes VALUE1,VALUE2).`,
  places: `  places <annotationId> [--query TEXT]    Ranked gazetteer candidates for a Location span.`,
  resolve: `  resolve <annotationId> (--geonameid N | --key KEY | --lat X --lon Y [--name TEXT])
                                          Resolve the span to a place (negative numbers: --lat=-33.9).`,
  schema: `  schema export FILE | schema import FILE Write the label schema as JSON (FILE - for standard
                                          output), or merge one in.`,
};

export const analysisOptions = {
  type: { type: 'string' },
  attr: { type: 'string', multiple: true },
  query: { type: 'string' },
  geonameid: { type: 'string' },
  key: { type: 'string' },
  lat: { type: 'string' },
  lon: { type: 'string' },
  name: { type: 'string' },
} as const;

type AnalysisOption = keyof typeof analysisOptions;

export const analysisOptionsByCommand: Readonly<Record<string, readonly AnalysisOption[]>> = {
  relate: ['type'],
  set: ['attr'],
  places: ['query'],
  resolve: ['geonameid', 'key', 'lat', 'lon', 'name'],
  schema: [],
};

interface AnalysisInvocation {
  command: string;
  args: string[];
  values: Record<string, unknown>;
}

/** A mistake in how the command was called (cli.ts turns it into exit code 2). */
export class AnalysisUsageError extends Error {}

function string(values: Record<string, unknown>, name: AnalysisOption): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function positionals(invocation: AnalysisInvocation, names: readonly string[]): string[] {
  const { args, command } = invocation;
  if (args.length < names.length) throw new AnalysisUsageError(`${command} needs ${names.join(' and ')}.`);
  if (args.length > names.length) throw new AnalysisUsageError(`${command} takes ${names.join(' and ')} (got also "${args[names.length]}").`);
  return args;
}

function number(raw: string, what: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new AnalysisUsageError(`${what} must be a number (got "${raw}").`);
  return n;
}

function runRelate(core: Core, invocation: AnalysisInvocation): unknown {
  const [fromId, toId] = positionals(invocation, ['a source annotation id', 'a target annotation id']) as [string, string];
  const typeName = string(invocation.values, 'type');
  if (!typeName) throw new AnalysisUsageError('--type is required.');
  const type = findRelationType(core.ctx, typeName);
  if (!type) {
    const known = listRelationTypes(core.ctx).map((t) => `"${t.name}"`).join(', ');
    throw new AppError('NOT_FOUND', `No relation type "${typeName}". Types: ${known}.`);
  }
  const relation = createRelation(core.ctx, { typeId: type.id, fromId, toId });
  return { ...relation, type: type.name };
}

function runSet(core: Core, invocation: AnalysisInvocation): unknown {
  const [annotationId] = positionals(invocation, ['an annotation id']) as [string];
  const raw = invocation.values.attr;
  const pairs = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
  if (pairs.length === 0) throw new AnalysisUsageError('set needs at least one --attr NAME=VALUE.');
  const annotation = getAnnotation(core.ctx, annotationId);
  const attributes = listAttributes(core.ctx, annotation.labelId);
  const values: Record<string, AttributeValue | null> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new AnalysisUsageError(`--attr takes NAME=VALUE (got "${pair}").`);
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1);
    const attribute = attributes.find((a) => a.id === name || a.name.toLowerCase() === name.toLowerCase());
    // An unknown name is reported by setValues with the label's attributes.
    values[name] = attribute ? parseTypedValue(attribute, value) : value;
  }
  const stored = setValues(core.ctx, annotationId, values);
  const names = new Map(attributes.map((a) => [a.id, a.name]));
  return {
    annotationId,
    attributes: Object.fromEntries(Object.entries(stored).map(([id, v]) => [names.get(id) ?? id, v])),
  };
}

function runPlaces(core: Core, invocation: AnalysisInvocation): unknown {
  const [annotationId] = positionals(invocation, ['an annotation id']) as [string];
  return placeCandidates(core.ctx, annotationId, string(invocation.values, 'query'), 20).map((c) => ({
    geonameid: c.geonameid,
    name: c.name,
    country: c.country,
    lat: c.lat,
    lon: c.lon,
    population: c.population,
    kind: c.kind,
    admin1: c.admin1,
    key: c.key,
    score: c.score,
  }));
}

/** The CLI has no undo: the place as stored, without the page's undo token. */
function placeOnly({ undoToken: _undo, ...place }: ReturnType<typeof resolvePlace>): Omit<ReturnType<typeof resolvePlace>, 'undoToken'> {
  return place;
}

function runResolve(core: Core, invocation: AnalysisInvocation): unknown {
  const [annotationId] = positionals(invocation, ['an annotation id']) as [string];
  const { values } = invocation;
  const geonameid = string(values, 'geonameid');
  const key = string(values, 'key');
  const lat = string(values, 'lat');
  const lon = string(values, 'lon');
  const ways = [geonameid !== undefined, key !== undefined, lat !== undefined || lon !== undefined].filter(Boolean).length;
  if (ways !== 1) throw new AnalysisUsageError('resolve takes one of --geonameid N, --key KEY, or --lat X --lon Y.');
  if (geonameid !== undefined) {
    if (!/^[1-9][0-9]*$/.test(geonameid)) throw new AnalysisUsageError(`--geonameid must be a whole number (got "${geonameid}").`);
    return placeOnly(resolvePlace(core.ctx, { annotationId, geonameid: Number(geonameid) }));
  }
  if (key !== undefined) return placeOnly(resolvePlace(core.ctx, { annotationId, key }));
  if (lat === undefined || lon === undefined) throw new AnalysisUsageError('--lat and --lon go together.');
  const name = string(values, 'name');
  return placeOnly(
    resolvePlace(core.ctx, {
      annotationId,
      lat: number(lat, '--lat'),
      lon: number(lon, '--lon'),
      ...(name ? { name } : {}),
    }),
  );
}

function runSchema(core: Core, invocation: AnalysisInvocation): unknown {
  const [action, file] = positionals(invocation, ['export or import', 'a file']) as [string, string];
  const target = path.resolve(file);
  if (action === 'export') {
    if (file === '-') return new RawOutput(schemaJson(core.ctx));
    writeFileAtomic(resolveFileTarget(core.ctx.store.path, target), [schemaJson(core.ctx)]);
    return { path: target };
  }
  if (action === 'import') {
    if (file === '-') return importSchema(core.ctx, readStdin().toString('utf8'));
    let json: string;
    try {
      json = fs.readFileSync(target, 'utf8');
    } catch (error) {
      throw new AppError('NOT_FOUND', `Cannot read ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
    }
    return importSchema(core.ctx, json);
  }
  throw new AnalysisUsageError(`schema takes export or import (got "${action}").`);
}

/** Runs an analysis command; undefined when the command is not one of them. */
export function runAnalysisCommand(core: Core, invocation: AnalysisInvocation): unknown {
  switch (invocation.command) {
    case 'relate':
      return runRelate(core, invocation);
    case 'set':
      return runSet(core, invocation);
    case 'places':
      return runPlaces(core, invocation);
    case 'resolve':
      return runResolve(core, invocation);
    case 'schema':
      return runSchema(core, invocation);
    default:
      return undefined;
  }
}

/** Usage errors that need no store: checked before the store is opened. */
export function checkAnalysisUsage(invocation: AnalysisInvocation): void {
  const counts: Record<string, number> = { relate: 2, set: 1, places: 1, resolve: 1, schema: 2 };
  const expected = counts[invocation.command];
  if (expected === undefined) return;
  if (invocation.args.length !== expected) {
    throw new AnalysisUsageError(
      `${invocation.command} takes ${expected} argument${expected === 1 ? '' : 's'} (got ${invocation.args.length}).`,
    );
  }
  if (invocation.command === 'schema' && !['export', 'import'].includes(invocation.args[0]!)) {
    throw new AnalysisUsageError(`schema takes export or import (got "${invocation.args[0]}").`);
  }
}
