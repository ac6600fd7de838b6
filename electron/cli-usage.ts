// What `glossa --help` and `glossa <command> --help` print. Format names and report extensions
// come from the one table in shared/formats.ts.
import { datasetFormatIds, datasetFormatTable, importableFormatIds, reportExtensions } from '../shared/formats';
import { agreementCommandUsage } from './cli-agreement';
import { analysisCommandUsage } from './cli-analysis';
import { storeCommandUsage } from './cli-store';
import { searchCommandUsage } from './cli-search';
import { eventCommandUsage } from './cli-events';
import { syncCommandUsage } from './cli-sync';

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

const commandUsage: Readonly<Record<string, string>> = {
  import: `  import [--encoding NAME] <file or folder...>
                                          ${column(`Import ${reportList.slice(0, -1).join(', ')} and ${reportList.at(-1)} files; folders are imported recursively; files in folders are named by their path from the chosen folder. Prints {summary, imported, duplicates, failed, skipped}, summary holding the counts and the exit code; each imported item names its encoding, with encodingGuess when it was guessed. --encoding (a WHATWG name such as windows-1256) reads text files and web pages in that encoding instead of detecting it.`)}`,
  docs: `  docs                                    ${column('List the documents, each with the notices its import produced (pages mostly unreadable, characters dropped, an encoding guessed).')}`,
  show: `  show <docId>                            ${column("Print one document's details without its text: title, outlet, dates, source, encoding, counts per label, the notices its import produced and its dataset source record (doccano's id and meta…).")}`,
  annotate: `  annotate <docId> --label NAME --quote TEXT [--nth N] [--note TEXT]
                                          Tag the N-th (1-based) exact occurrence of TEXT.`,
  export: `  export --format NAME [--doc ID] [--labels A,B] [--layer NAME|all|gold] [--utf16] [--replace] --out PATH
                                          ${column(`Export the corpus (or one document), atomically. NAME: ${formatNames(datasetFormatIds)}. --layer: one analyst's layer (by name), gold, or all (the default), each annotation with its analyst.`)}
                                          --out - writes the dataset to standard output instead.
                                          ${column('Never writes the store, a device or a read-only file; through a link, writes its target. brat into a folder of yours writes a new subfolder; a previous Glossa export is replaced only with --replace, removing only the files it wrote.')}`,
  'import-annotations': `  import-annotations --format NAME [--create-labels] [--label-map FILE] PATH
                                          ${column(`Import documents with their annotations. NAME: ${formatNames(importableFormatIds)}. Prints what was imported and what could not be anchored. A file using labels the schema lacks is refused, changing nothing, unless --create-labels creates them (as their first annotation is placed). --label-map FILE names labels a file gives as numbers (doccano label ids): a JSON object {"1": "Claim"} or doccano's label export.`)}
                                          PATH - reads standard input.`,
  ...analysisCommandUsage,
  ...eventCommandUsage,
  ...storeCommandUsage,
  search: searchCommandUsage,
  server: `  server add-analyst NAME --database-url URL | server revoke-analyst NAME --database-url URL
                                          ${column('The team server\'s admin commands (PostgreSQL; no --db): add an analyst and print their token once, or revoke it. See glossa server --help.')}`,
  ...agreementCommandUsage,
  ...syncCommandUsage,
};

export const commands = Object.keys(commandUsage);

/** Commands that create the store when it does not exist yet; the others refuse a missing one. */
export function createsStore(command: string, args: readonly string[]): boolean {
  return command === 'import' || command === 'import-annotations' || (command === 'schema' && args[0] === 'import');
}

const options = `Options:
  --db PATH    The Glossa store (default: the GLOSSA_DB environment variable). Commands other
               than import, import-annotations and schema import refuse a PATH with no store.
  --json       The same on every command: the result is JSON on stdout (as always), no progress
               is shown on stderr (import shows it on a terminal otherwise), and a failure is one
               JSON object {"error": {code, message, exitCode}} on stderr instead of a sentence.
  --analyst NAME  Who acts (default: the GLOSSA_ANALYST environment variable, else the store's
               own analyst): new annotations, links, values and places go to NAME's layer and
               are stamped with NAME. A name the store does not know is added (said on stderr).
  --help       Show this help (after a command: that command's help).
  --version    Print Glossa's version.`;

const exits = `Exit codes:
  0  done.
  1  the command failed and changed nothing (import: no file could be imported;
     import-annotations: the file was refused whole, e.g. labels the schema lacks without
     --create-labels, or label ids without --label-map).
  2  usage error: the command line is wrong; nothing was done.
  3  partial success: what was kept is stored and the report on stdout names the rest. import:
     some files failed (each in "failed" with its reason); import-annotations: annotations it
     could not anchor ("unanchored"), records dropped ("dropped"), relations or values left
     out ("conflicts").`;

export function usage(): string {
  return `Usage: glossa <command> [options] [--db PATH]

Commands:
${Object.values(commandUsage).join('\n')}

${options}

Output is JSON on stdout, except a dataset or schema written to standard output with "-".
Errors go to stderr.

${exits}`;
}

export function commandHelp(command: string): string {
  return `Usage: glossa ${commandUsage[command]!.trimStart()}

${options}

${exits}`;
}
