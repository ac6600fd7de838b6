// Glossa on the command line: the same services over the same store, without Electron.
//   glossa <command> [options] --db PATH      (from source: npm run cli -- <command> ...)
// dist/cli.js is a small launcher (cli-entry.ts) that answers --version itself and loads this
// file's build, dist/cli-app.js, for everything else.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import packageJson from '../package.json';
import type { AppEvent } from '../shared/contract';
import { AppError } from '../shared/errors';
import { datasetFormatIds, datasetFormatTable, importableFormatIds } from '../shared/formats';
import { AnnotationImportFormat, DatasetFormat } from '../shared/schemas/datasets';
import { AgreementUsageError, agreementOptions, agreementOptionsByCommand, checkAgreementUsage, runAgreementCommand } from './cli-agreement';
import { AnalysisUsageError, analysisOptions, analysisOptionsByCommand, checkAnalysisUsage, runAnalysisCommand } from './cli-analysis';
import { RawOutput, UsageError, annotationImportExitCode, existingStore, exitCodes, importExitCode, importSummary, readStdin, scratchFolder, writeFailure, writeStdout } from './cli-io';
import { isStoreCommand, runStoreCommand, storeCommandOptions } from './cli-store';
import { commandHelp, commands, createsStore, usage } from './cli-usage';
import { asReadOnlyRefusal } from './store/read-only';
import { SearchUsageError, checkSearchUsage, runSearch, searchOptions } from './cli-search';
import { EventUsageError, checkEventUsage, eventOptions, eventOptionsByCommand, runEventCommand } from './cli-events';
import { attachTokenValues, checkSyncUsage, runSyncCommand, syncOptions, syncOptionsByCommand } from './cli-sync';
import { startCore, type Core } from './core';
import type { DialogPort } from './services/context';
import { analystNamed } from './services/analysts/analysts';
import { createAnnotation } from './services/annotate/annotations';
import { documentNotices, getDocument, getDocumentMeta, getDocumentProvenance, listDocuments } from './services/library/documents';
import { checkTextIntact } from './services/library/text-integrity';
import { exportDatasetTo, writeDataset } from './services/datasets/export';
import { ReplaceNeedsConfirmation, stdoutTarget } from './services/export-target/resolve';
import { parseLabelMap, type LabelMap } from './services/datasets/formats/doccano-read';
import { importAnnotations } from './services/datasets/import';
import { importPaths } from './services/library/import-jobs';
import { encodingName } from './services/library/importers/charsets';
import { findLabel, listLabels } from './services/schema/labels';

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
  'label-map': { type: 'string' },
  encoding: { type: 'string' },
  from: { type: 'string' },
  replace: { type: 'boolean' },
  analyst: { type: 'string' },
  layer: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  ...analysisOptions,
  ...searchOptions,
  ...eventOptions,
  ...agreementOptions,
  ...syncOptions,
} as const;

type OptionName = keyof typeof options;
type Values = { [K in OptionName]?: (typeof options)[K]['type'] extends 'boolean' ? boolean : string };

/** Options every command takes. */
const globalOptions: readonly OptionName[] = ['db', 'json', 'help', 'analyst'];

const optionsByCommand: Readonly<Record<string, readonly OptionName[]>> = {
  import: ['encoding'],
  docs: [],
  show: [],
  annotate: ['label', 'quote', 'nth', 'note'],
  export: ['format', 'doc', 'out', 'labels', 'utf16', 'replace', 'layer'],
  'import-annotations': ['format', 'create-labels', 'label-map'],
  ...storeCommandOptions,
  ...analysisOptionsByCommand,
  search: ['label', 'doc', 'limit'],
  ...eventOptionsByCommand,
  ...agreementOptionsByCommand,
  ...syncOptionsByCommand,
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

type Parsed = Invocation | { help: string } | 'version';

function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({ args: attachTokenValues(argv), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Values;
  const [command, ...args] = parsed.positionals;
  if (values.version) return 'version';
  if (values.help) return { help: command !== undefined && commands.includes(command) ? commandHelp(command) : usage() };
  if (command === undefined) throw new UsageError('No command given.');
  const allowed = optionsByCommand[command];
  if (!allowed) throw new UsageError(`Unknown command "${command}".`);
  for (const name of Object.keys(values) as OptionName[]) {
    if (!globalOptions.includes(name) && !allowed.includes(name)) throw new UsageError(`--${name} does not apply to ${command}.`);
  }
  return { command, args, values };
}

function required(values: Values, name: 'label' | 'quote' | 'format' | 'out' | 'from'): string {
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

async function runImport(core: Core, invocation: Invocation): Promise<Outcome> {
  if (invocation.args.length === 0) throw new UsageError('import needs at least one file or folder.');
  const encoding = invocation.values.encoding;
  const report = await importPaths(
    core.ctx,
    invocation.args.map((file) => path.resolve(file)),
    encoding === undefined ? {} : { encoding },
  );
  const { imported, duplicates, failed, skipped } = report;
  const exitCode = importExitCode(report);
  return { output: { summary: importSummary(report, exitCode), imported, duplicates, failed, skipped }, exitCode };
}

/** Import progress on stderr, when a person is watching (not with --json). */
function progressOnTerminal(event: AppEvent): void {
  if (!process.stderr.isTTY || process.argv.includes('--json') || event.name !== 'progress' || event.payload.total === 0) return;
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
    notices: documentNotices(core.ctx, d.id),
  }));
}

function runShow(core: Core, invocation: Invocation): unknown {
  const [documentId, ...extra] = invocation.args;
  if (documentId === undefined) throw new UsageError('show needs a document id.');
  if (extra.length > 0) throw new UsageError(`show takes one document id (got also "${extra[0]}").`);
  const names = labelNames(core);
  const meta = getDocumentMeta(core.ctx, documentId);
  const counts = core.ctx.store.db.prepare('SELECT label_id AS labelId, count(*) AS n FROM annotations WHERE document_id = ? GROUP BY label_id').all(documentId) as { labelId: string; n: number }[];
  return {
    ...meta,
    counts: Object.fromEntries(counts.map((c) => [names.get(c.labelId) ?? c.labelId, c.n])),
    ...getDocumentProvenance(core.ctx, documentId),
  };
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
  checkTextIntact(document);
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

function exportOptions(invocation: Invocation) {
  const { values } = invocation;
  const format = DatasetFormat.safeParse(required(values, 'format'));
  if (!format.success) throw new UsageError(`--format must be one of ${datasetFormatIds.join(', ')} (got "${values.format}").`);
  const out = required(values, 'out');
  if (out === '-' && datasetFormatTable[format.data].target === 'folder') throw new UsageError('brat writes a folder, which cannot go to standard output: pass --out FOLDER.');
  const labels = values.labels?.split(',').map((l) => l.trim()).filter((l) => l !== '');
  if (values.layer !== undefined && values.layer.trim() === '') throw new UsageError('--layer needs an analyst name, gold or all.');
  const request = {
    format: format.data,
    documentId: values.doc,
    labels: labels?.length ? labels : undefined,
    offsetUnit: values.utf16 ? ('utf16' as const) : undefined,
    layer: values.layer?.trim(),
  };
  return { request, out };
}

function runExport(core: Core, invocation: Invocation): unknown {
  noArgs(invocation);
  const { request, out } = exportOptions(invocation);
  if (out === '-') {
    // Written straight to standard output as it is made: no file, no temp.
    writeDataset(core.ctx, request, stdoutTarget);
    return new RawOutput('');
  }
  try {
    return exportDatasetTo(core.ctx, request, out, invocation.values.replace ?? false);
  } catch (error) {
    if (!(error instanceof ReplaceNeedsConfirmation)) throw error;
    const { folder, marker } = error;
    throw new AppError(
      'EXPORT_FAILED',
      `${folder} holds a previous Glossa ${marker.format} export (${marker.files.length} files). Pass --replace to replace it: only the files that export wrote are removed, nothing else in the folder. Nothing was changed.`,
    );
  }
}

function importAnnotationsFormat(invocation: Invocation) {
  const { values, args } = invocation;
  const format = AnnotationImportFormat.safeParse(required(values, 'format'));
  if (!format.success) throw new UsageError(`--format must be one of ${importableFormatIds.join(', ')} (got "${values.format}").`);
  if (args.length !== 1) throw new UsageError('import-annotations takes one file (a folder for brat), or - for standard input.');
  if (args[0] === '-' && datasetFormatTable[format.data].target === 'folder') throw new UsageError('brat reads a folder, which cannot come from standard input.');
  return format.data;
}

/** The --label-map file: label names by id, for files that name labels by number. */
function labelMapOption(invocation: Invocation): LabelMap | undefined {
  const file = invocation.values['label-map'];
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), 'utf8');
  } catch (error) {
    throw new AppError('NOT_FOUND', `The label map ${file} could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  return parseLabelMap(text, path.basename(file));
}

async function runImportAnnotations(core: Core, invocation: Invocation): Promise<Outcome> {
  const format = importAnnotationsFormat(invocation);
  const createLabels = invocation.values['create-labels'] ?? false;
  // Without --create-labels, a file whose labels the schema lacks is refused whole (exit 1):
  // adding its documents while dropping their annotations is never what was meant.
  const options = { labelMap: labelMapOption(invocation), refuseMissingLabels: true };
  const source = invocation.args[0]!;
  let report;
  if (source === '-') {
    const scratch = scratchFolder();
    try {
      // Named "stdin", so the report's messages say where the data came from.
      const file = path.join(scratch.dir, 'stdin');
      fs.writeFileSync(file, readStdin());
      report = await importAnnotations(core.ctx, format, file, createLabels, options);
    } finally {
      scratch.remove();
    }
  } else {
    report = await importAnnotations(core.ctx, format, path.resolve(source), createLabels, options);
  }
  return { output: report, exitCode: annotationImportExitCode(report) };
}

interface Outcome {
  output: unknown;
  exitCode: number;
}

const done = (output: unknown): Outcome => ({ output, exitCode: exitCodes.done });

async function execute(core: Core, invocation: Invocation): Promise<Outcome> {
  switch (invocation.command) {
    case 'import':
      return runImport(core, invocation);
    case 'docs':
      return done(runDocs(core, invocation));
    case 'show':
      return done(runShow(core, invocation));
    case 'annotate':
      return done(runAnnotate(core, invocation));
    case 'export':
      return done(runExport(core, invocation));
    case 'import-annotations':
      return runImportAnnotations(core, invocation);
    case 'search':
      return done(runSearch(core, invocation));
    case 'event':
    case 'events':
      return done(runEventCommand(core, invocation));
    case 'agreement':
    case 'curate':
      return done(runAgreementCommand(core, invocation));
    case 'sync':
      return done(await runSyncCommand(core, invocation));
    default: {
      const output = runAnalysisCommand(core, invocation);
      if (output === undefined) throw new UsageError(`Unknown command "${invocation.command}".`);
      return done(output);
    }
  }
}

/** --analyst NAME (or GLOSSA_ANALYST): who acts; a name the store does not know is added, and said so on stderr. */
function actAs(core: Core, name: string | undefined): void {
  if (name === undefined || name.trim() === '') return;
  const { analyst, created } = analystNamed(core.ctx, name);
  if (created) process.stderr.write(`glossa: added the analyst "${analyst.name}" (id ${analyst.id}) to ${core.store.path}\n`);
  core.ctx.analyst = analyst;
}

/** Usage errors found without a store, so a wrong command line never opens (or creates) one. */
function checkUsage(invocation: Invocation): void {
  if (invocation.command === 'annotate') parseNth(invocation.values.nth);
  if (invocation.command === 'export') exportOptions(invocation);
  const encoding = invocation.values.encoding;
  if (encoding !== undefined && encodingName(encoding) === null) {
    throw new UsageError(`--encoding "${encoding}" is not an encoding Glossa knows (e.g. utf-8, windows-1256, windows-1251, iso-8859-7, gbk).`);
  }
  if (invocation.command === 'import-annotations') importAnnotationsFormat(invocation);
  if (invocation.command === 'search') checkSearchUsage(invocation);
  checkAnalysisUsage(invocation);
  checkEventUsage(invocation);
  checkAgreementUsage(invocation);
  checkSyncUsage(invocation);
}

async function main(argv: string[]): Promise<number> {
  // The team server's admin commands need PostgreSQL, never a store: their own module.
  // Loaded only then, so other commands never load the PostgreSQL client.
  if (argv[0] === 'server') return (await import('../server/admin-cli')).runServerAdmin(argv.slice(1));
  const json = argv.includes('--json');
  let core: Core | undefined;
  try {
    const parsed = parse(argv);
    if (parsed === 'version') {
      process.stdout.write(`${packageJson.version}\n`);
      return exitCodes.done;
    }
    if ('help' in parsed) {
      process.stdout.write(parsed.help + '\n');
      return exitCodes.done;
    }
    checkUsage(parsed);
    const store = storePath(parsed.values);
    if (isStoreCommand(parsed.command)) {
      noArgs(parsed);
      // These work on the files beside the store without opening it: it may be damaged.
      const output = runStoreCommand(parsed.command, store, parsed.command === 'restore' ? required(parsed.values, 'from') : undefined);
      await writeStdout(JSON.stringify(output, null, 2) + '\n');
      return exitCodes.done;
    }
    core = startCore({
      storePath: createsStore(parsed.command, parsed.args) ? store : existingStore(store),
      dialogs: noDialogs,
      appVersion: packageJson.version,
      seedSample: false,
      emit: progressOnTerminal,
    });
    actAs(core, parsed.values.analyst ?? process.env.GLOSSA_ANALYST);
    const { output, exitCode } = await execute(core, parsed);
    await writeStdout(output instanceof RawOutput ? output.content : JSON.stringify(output, null, 2) + '\n');
    return exitCode;
  } catch (error) {
    if (error instanceof UsageError || error instanceof AnalysisUsageError || error instanceof SearchUsageError || error instanceof EventUsageError || error instanceof AgreementUsageError) {
      writeFailure(`${error.message} Run with --help for usage.`, exitCodes.usage, 'USAGE', json);
      return exitCodes.usage;
    }
    const failure = core ? asReadOnlyRefusal(error, core.store.path) : error;
    const message = failure instanceof AppError ? failure.message : `unexpected error: ${(failure as Error)?.message ?? failure}`;
    writeFailure(message, exitCodes.failed, failure instanceof AppError ? failure.code : 'INTERNAL', json);
    return exitCodes.failed;
  } finally {
    core?.close();
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
