// `glossa server add-analyst NAME --database-url URL [--id UUID]` and
// `glossa server revoke-analyst NAME --database-url URL`: the team admin's commands, run by the
// glossa CLI (electron/cli.ts routes `server` here). They migrate the database first, so a fresh
// one is ready for `npm run server`. Output is one JSON object on stdout; the token is shown only
// by add-analyst, only once.
import { parseArgs } from 'node:util';
import { AnalystId } from '../shared/sync/protocol';
import { addAnalyst, AnalystError, revokeAnalyst } from './analysts';
import { openDb } from './db';
import { migrate } from './migrate';
import { databaseUrlOption, ServerUsageError } from './options';

export const serverAdminUsage = `Usage: glossa server add-analyst NAME --database-url URL [--id UUID]
         Add an analyst to the team server's database and print {"analyst", "name", "token"}:
         the only time the token is shown (the server keeps its SHA-256 only). --id registers an
         existing Glossa analyst id (a UUID) instead of making a new one.
       glossa server revoke-analyst NAME --database-url URL
         Revoke the analyst's token at once (their changes stay); prints {"analyst", "name", "revokedAt"}.
--database-url defaults to the DATABASE_URL environment variable. Start the server itself with
npm run server -- --database-url URL --port N (see the README's "Team server").`;

async function run(argv: string[]): Promise<unknown> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { 'database-url': { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new ServerUsageError((error as Error).message);
  }
  const [command, name, ...extra] = parsed.positionals;
  if (parsed.values.help) return 'help';
  if (command !== 'add-analyst' && command !== 'revoke-analyst') throw new ServerUsageError(command ? `Unknown server command "${command}".` : 'No server command given.');
  if (name === undefined || name.trim() === '') throw new ServerUsageError(`${command} needs the analyst's NAME.`);
  if (extra.length) throw new ServerUsageError(`${command} takes one NAME (got also "${extra[0]}"); quote a name with spaces.`);
  if (parsed.values.id !== undefined && (command !== 'add-analyst' || !AnalystId.safeParse(parsed.values.id).success)) {
    throw new ServerUsageError('--id is a UUID, and only add-analyst takes it.');
  }
  const db = openDb(databaseUrlOption(parsed.values['database-url']), 1);
  try {
    await migrate(db);
    if (command === 'add-analyst') {
      const added = await addAnalyst(db, name, parsed.values.id);
      return { analyst: added.id, name: added.name, token: added.token };
    }
    const revoked = await revokeAnalyst(db, name);
    if (!revoked) throw new AnalystError(`No analyst named "${name.trim()}".`);
    return { analyst: revoked.id, name: revoked.name, revokedAt: revoked.revokedAt };
  } finally {
    await db.end();
  }
}

/** Runs a `glossa server …` command; resolves to the exit code (0 done, 1 failed, 2 usage). */
export async function runServerAdmin(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const fail = (message: string, code: string, exitCode: number) => {
    process.stderr.write(json ? JSON.stringify({ error: { code, message, exitCode } }) + '\n' : `glossa: ${message}\n`);
    return exitCode;
  };
  try {
    const output = await run(argv);
    process.stdout.write(output === 'help' ? serverAdminUsage + '\n' : JSON.stringify(output) + '\n');
    return 0;
  } catch (error) {
    if (error instanceof ServerUsageError) return fail(`${error.message} Run glossa server --help for usage.`, 'USAGE', 2);
    if (error instanceof AnalystError) return fail(error.message, 'INVALID_ARGS', 1);
    return fail(`The team database could not be used: ${(error as Error).message}`, 'SERVER_DATABASE', 1);
  }
}
