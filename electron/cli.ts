// Glossa on the command line: the same services over the same store, without Electron.
//   npm run cli -- <command> [options] --db PATH
import { parseArgs } from 'node:util';
import path from 'node:path';
import packageJson from '../package.json';
import type { AppEvent } from '../shared/contract';
import { AppError } from '../shared/errors';
import { datasetFormatIds, datasetFormatTable, importableFormatIds, reportExtensions } from '../shared/formats';
import { AnnotationImportFormat, DatasetFormat } from '../shared/schemas/datasets';
import { AnalysisUsageError, analysisOptions, analysisOptionsByCommand, analysisUsage, checkAnalysisUsage, runAnalysisCommand } from './cli-analysis';
import { startCore, type Core } from './core';
import type { DialogPort } from './services/context';
import { createAnnotation } from './services/annotate/annotations';
import { getDocument, listDocuments } from './services/library/documents';
import { exportDataset } from './services/datasets/export';
import { importAnnotations } from './services/datasets/import';
import { importPaths } from './services/library/import-jobs';
import { findLabel, listLabels } from './services/schema/labels';

/** "a, b (PATH is a folder), c": format names for the usage text. */
function formatNames(ids: readonly (keyof typeof datasetFormatTable)[]): string {
  return ids.map((id) => (datasetFormatTable[id].target === 'folder' ? `${id} (PATH is a folder)` : id)).join(', ');
}

/** Words wrapped to the usage text's second column. */
function column(text: string, indent = 42, width = 94): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n' + ' '.repeat(indent));
}

const reportList = reportExtensions.map((e) => `.${e}`);

const usage = `Usage: npm run cli -- <command> [options] [--db PATH]

Commands:
  import <file or folder...> [--json]     ${column(`Import ${reportList.slice(0, -1).join(', ')} and ${reportList.at(-1)} files; folders are imported recursively. Prints {imported, duplicates, failed, skipped}.`)}
  docs                                    List the documents.
  annotate <docId> --label NAME --quote TEXT [--nth N] [--note TEXT]
                                          Tag the N-th (1-based) exact occurrence of TEXT.
  export --format NAME [--doc ID] [--labels A,B] [--utf16] --out PATH
                                          ${column(`Export the corpus (or one document), atomically. NAME: ${formatNames(datasetFormatIds)}.`)}
  import-annotations --format NAME [--create-labels] PATH
                                          ${column(`Import documents with their annotations. NAME: ${formatNames(importableFormatIds)}. Prints what was imported and what could not be anchored.`)}
${analysisUsage}

Options:
  --db PATH    The Glossa store (default: the GLOSSA_DB environment variable).
  --help       Show this help.

Output is JSON on stdout. Errors go to stderr; the exit code is 1 for a failed command
and 2 for a usage error.`;

/** A mistake in how the command was called (exit code 2). */
class UsageError extends Error {}

const options = {
  db: { type: 'string' },
  label: { type: 'string' },
  quote: { type: 'string' },
  nth: { type: 'string' },
  note: { type: 'string' },
  format: { type: 'string' },
  doc: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  labels: { type: 'string' },
  utf16: { type: 'boolean' },
  'create-labels': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...analysisOptions,
} as const;

type OptionName = keyof typeof options;
type Values = { [K in OptionName]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };

const optionsByCommand: Readonly<Record<string, readonly OptionName[]>> = {
  import: ['json'],
  docs: [],
  annotate: ['label', 'quote', 'nth', 'note'],
  export: ['format', 'doc', 'out', 'labels', 'utf16'],
  'import-annotations': ['format', 'create-labels'],
  ...analysisOptionsByCommand,
};

/** The CLI never shows a dialog; a service that asks for one is a bug. */
const noDialogs: DialogPort = {
  chooseFilesToImport: () => Promise.reject(new AppError('INTERNAL', 'The command line cannot show dialogs.')),
  chooseExportPath: () => Promise.reject(new AppError('INTERNAL', 'The command line cannot show dialogs.')),
  chooseAnnotationsToImport: () => Promise.reject(new AppError('INTERNAL', 'The command line cannot show dialogs.')),
};

interface Invocation {
  command: string;
  args: string[];
  values: Values;
}

function parse(argv: string[]): Invocation | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Values;
  const [command, ...args] = parsed.positionals;
  if (values.help) return 'help';
  if (command === undefined) throw new UsageError('No command given.');
  const allowed = optionsByCommand[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}".`);
  for (const name of Object.keys(values) as OptionName[]) {
    if (name !== 'db' && !allowed.includes(name)) throw new UsageError(`--${name} does not apply to ${command}.`);
  }
  return { command, args, values };
}

function required(values: Values, name: 'label' | 'quote' | 'format' | 'out'): string {
  const value = values[name];
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`);
  return value;
}

function storePath(values: Values): string {
  const db = values.db ?? process.env.GLOSSA_DB;
  if (!db) throw new UsageError('No store given: pass --db PATH (or set GLOSSA_DB).');
  return path.resolve(db);
}

function noArgs(invocation: Invocation): void {
  if (invocation.args.length > 0) {
    throw new UsageError(`${invocation.command} takes no arguments (got "${invocation.args[0]}").`);
  }
}

/** Every start of the quote in the text, counting overlapping occurrences. */
function occurrences(text: string, quote: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push(at);
  return found;
}

function parseNth(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(raw)) throw new UsageError(`--nth must be a whole number from 1 (got "${raw}").`);
  return Number(raw);
}

function labelNames(core: Core): Map<string, string> {
  return new Map(listLabels(core.ctx).map((l) => [l.id, l.name]));
}

async function runImport(core: Core, invocation: Invocation): Promise<{ output: unknown; failed: boolean }> {
  if (invocation.args.length === 0) throw new UsageError('import needs at least one file or folder.');
  const report = await importPaths(
    core.ctx,
    invocation.args.map((file) => path.resolve(file)),
  );
  const { imported, duplicates, failed, skipped } = report;
  return { output: { imported, duplicates, failed, skipped }, failed: failed.length > 0 };
}

/** Import progress on stderr, when a person is watching. */
function progressOnTerminal(event: AppEvent): void {
  if (!process.stderr.isTTY || event.name !== 'progress' || event.payload.total === 0) return;
  const { done, total, current } = event.payload;
  process.stderr.write(`\r\x1b[K${done}/${total} ${current ?? ''}`.slice(0, (process.stderr.columns || 80) + 4));
  if (done === total) process.stderr.write('\n');
}

function runDocs(core: Core, invocation: Invocation): unknown {
  noArgs(invocation);
  const names = labelNames(core);
  return listDocuments(core.ctx).map((d) => ({
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    publishedAt: d.publishedAt,
    length: d.length,
    counts: Object.fromEntries(Object.entries(d.counts).map(([labelId, n]) => [names.get(labelId) ?? labelId, n])),
  }));
}

function runAnnotate(core: Core, invocation: Invocation): unknown {
  const [documentId, ...extra] = invocation.args;
  if (documentId === undefined) throw new UsageError('annotate needs a document id.');
  if (extra.length > 0) throw new UsageError(`annotate takes one document id (got also "${extra[0]}").`);
  const { values } = invocation;
  const labelName = required(values, 'label');
  const quote = required(values, 'quote');
  const nth = parseNth(values.nth);
  const label = findLabel(core.ctx, labelName);
  if (!label) {
    const known = listLabels(core.ctx).map((l) => l.name).join(', ');
    throw new AppError('NOT_FOUND', `No label named "${labelName}". Labels: ${known}.`);
  }
  const document = getDocument(core.ctx, documentId);
  const found = occurrences(document.text, quote);
  if (found.length === 0) throw new AppError('NOT_FOUND', `The quote does not occur in "${document.title}".`);
  if (nth === undefined && found.length > 1) {
    throw new AppError(
      'INVALID_ARGS',
      `The quote occurs ${found.length} times in "${document.title}"; pass --nth 1 to ${found.length} to choose one.`,
    );
  }
  const index = (nth ?? 1) - 1;
  const start = found[index];
  if (start === undefined) {
    throw new AppError('INVALID_ARGS', `--nth ${nth} is past the last occurrence (the quote occurs ${found.length} times).`);
  }
  const annotation = createAnnotation(core.ctx, {
    documentId,
    labelId: label.id,
    start,
    end: start + quote.length,
    note: values.note,
  });
  return { ...annotation, label: label.name };
}

function runExport(core: Core, invocation: Invocation): unknown {
  noArgs(invocation);
  const { values } = invocation;
  const format = DatasetFormat.safeParse(required(values, 'format'));
  if (!format.success) throw new UsageError(`--format must be one of ${datasetFormatIds.join(', ')} (got "${values.format}").`);
  const out = path.resolve(required(values, 'out'));
  const labels = values.labels?.split(',').map((l) => l.trim()).filter((l) => l !== '');
  const counts = exportDataset(
    core.ctx,
    { format: format.data, documentId: values.doc, labels: labels?.length ? labels : undefined, offsetUnit: values.utf16 ? 'utf16' : undefined },
    out,
  );
  return { path: out, ...counts };
}

function runImportAnnotations(core: Core, invocation: Invocation): unknown {
  const { values, args } = invocation;
  const format = AnnotationImportFormat.safeParse(required(values, 'format'));
  if (!format.success) throw new UsageError(`--format must be one of ${importableFormatIds.join(', ')} (got "${values.format}").`);
  if (args.length !== 1) throw new UsageError('import-annotations takes one file (a folder for brat).');
  return importAnnotations(core.ctx, format.data, path.resolve(args[0]!), values['create-labels'] ?? false);
}

async function execute(core: Core, invocation: Invocation): Promise<{ output: unknown; failed: boolean }> {
  switch (invocation.command) {
    case 'import':
      return runImport(core, invocation);
    case 'docs':
      return { output: runDocs(core, invocation), failed: false };
    case 'annotate':
      return { output: runAnnotate(core, invocation), failed: false };
    case 'export':
      return { output: runExport(core, invocation), failed: false };
    case 'import-annotations':
      return { output: runImportAnnotations(core, invocation), failed: false };
    default: {
      const output = runAnalysisCommand(core, invocation);
      if (output === undefined) throw new UsageError(`Unknown command "${invocation.command}".`);
      return { output, failed: false };
    }
  }
}

async function main(argv: string[]): Promise<number> {
  let core: Core | undefined;
  try {
    const invocation = parse(argv);
    if (invocation === 'help') {
      process.stdout.write(usage + '\n');
      return 0;
    }
    // Check the arguments that need no store before opening (and maybe creating) one.
    if (invocation.command === 'annotate') parseNth(invocation.values.nth);
    checkAnalysisUsage(invocation);
    core = startCore({
      storePath: storePath(invocation.values),
      dialogs: noDialogs,
      appVersion: packageJson.version,
      seedSample: false,
      emit: progressOnTerminal,
    });
    const { output, failed } = await execute(core, invocation);
    process.stdout.write(JSON.stringify(output, null, 2) + '\n');
    return failed ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AnalysisUsageError) {
      process.stderr.write(`glossa: ${error.message} Run with --help for usage.\n`);
      return 2;
    }
    const message = error instanceof AppError ? error.message : `unexpected error: ${(error as Error)?.message ?? error}`;
    process.stderr.write(`glossa: ${message}\n`);
    return 1;
  } finally {
    core?.close();
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
