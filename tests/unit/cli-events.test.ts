// `glossa event` and `glossa events` (issue 12): a real process over a real store.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProcess } from './child-process';
import { tempDir } from './helpers';

const repo = path.resolve(__dirname, '../..');
const cliEntry = path.join(repo, 'electron/cli.ts');

const cli = (db: string, args: string[]) =>
  runProcess(process.execPath, ['--import', 'tsx', cliEntry, ...args, '--db', db], { cwd: repo, env: { ...process.env, GLOSSA_DB: '' } });

async function ok<T>(db: string, args: string[]): Promise<T> {
  const run = await cli(db, args);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as T;
}

describe('cli events', () => {
  it('creates an event with roles, lists it, and refuses a role in another document with nothing written', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'store.sqlite');
    fs.writeFileSync(path.join(dir, 'a.txt'), 'Militia fighters attacked the village of Kerem on Monday.\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), 'Farmers protested in the capital.\n');
    await ok(db, ['import', path.join(dir, 'a.txt'), path.join(dir, 'b.txt')]);
    const docs = await ok<{ id: string; title: string }[]>(db, ['docs']);
    const a = docs.find((d) => d.title.startsWith('Militia') || d.title === 'a')!.id;
    const b = docs.find((d) => d.id !== a)!.id;
    const tag = async (doc: string, label: string, quote: string) => (await ok<{ id: string }>(db, ['annotate', doc, '--label', label, '--quote', quote])).id;
    const trigger = await tag(a, 'Battle', 'attacked');
    const actor = await tag(a, 'Source', 'Militia fighters');
    const place = await tag(a, 'Location', 'Kerem');
    const farmers = await tag(b, 'Source', 'Farmers');

    const created = await ok<Record<string, unknown>>(db, ['event', '--doc', a, '--type', 'battle', '--trigger', trigger, '--arg', `actor=${actor}`, '--arg', `location=${place}`]);
    expect(created).toMatchObject({
      type: 'Battle',
      trigger: { annotationId: trigger, quote: 'attacked' },
      arguments: [
        { role: 'actor', annotationId: actor, quote: 'Militia fighters' },
        { role: 'location', annotationId: place, quote: 'Kerem' },
      ],
    });

    const refused = await cli(db, ['event', '--doc', a, '--type', 'Battle', '--trigger', trigger, '--arg', `target=${farmers}`, '--json']);
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stderr).error).toMatchObject({ code: 'INVALID_ARGS', message: expect.stringContaining('“Farmers” is in another document') });

    const listed = await ok<unknown[]>(db, ['events', '--doc', a, '--json']);
    expect(listed).toEqual([created]);

    const usage = await cli(db, ['event', '--doc', a, '--type', 'Battle', '--trigger', trigger, '--arg', 'actor']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--arg takes ROLE=ANNOTATION_ID/);
    const unknown = await cli(db, ['event', '--doc', a, '--type', 'Riot', '--trigger', trigger]);
    expect(unknown.stderr).toMatch(/No event type "Riot". Event types: "Battle", "Violence against civilians", "Protest"/);

    const help = await cli(db, ['event', '--help']);
    expect(help.stdout).toMatch(/event --doc ID --type NAME --trigger ANNOTATION_ID \[--arg ROLE=ANNOTATION_ID \.\.\.\]/);
  }, 120_000);
});
