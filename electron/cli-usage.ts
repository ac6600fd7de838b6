// What `glossa --help` and `glossa <command> --help` print.
import { analysisCommandUsage } from './cli-analysis';

const commandUsage: Readonly<Record<string, string>> = {
  import: `  import <file or folder...>              Import .txt, .md, .html, .htm, .mhtml, .pdf and .docx
                                          files; folders are imported recursively. Prints
                                          {imported, duplicates, failed, skipped}.`,
  docs: `  docs                                    List the documents.`,
  annotate: `  annotate <docId> --label NAME --quote TEXT [--nth N] [--note TEXT]
                                          Tag the N-th (1-based) exact occurrence of TEXT.`,
  export: `  export --format NAME [--doc ID] [--labels A,B] [--utf16] --out PATH
                                          Export the corpus (or one document), atomically. NAME:
                                          jsonl, csv, doccano, labelstudio, brat (PATH is a
                                          folder), conll, spacy, w3c, claims-csv, geojson, archive.
                                          --out - writes the dataset to standard output instead.`,
  'import-annotations': `  import-annotations --format NAME [--create-labels] PATH
                                          Import documents with their annotations. NAME: doccano,
                                          labelstudio, brat (PATH is a folder), w3c, archive.
                                          PATH - reads standard input. Prints what was imported
                                          and what could not be anchored.`,
  ...analysisCommandUsage,
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
               is shown, and a failure is one JSON object {"error": {code, message, exitCode}}
               on stderr instead of a sentence.
  --help       Show this help (after a command: that command's help).
  --version    Print Glossa's version.`;

const exits = `Exit codes:
  0  done.
  1  the command failed and changed nothing (import: no file could be imported).
  2  usage error: the command line is wrong; nothing was done.
  3  partial success: import kept some files but not all (each failed one is in the report's
     "failed" with its reason), or import-annotations left annotations it could not anchor
     (its "unanchored").`;

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
