// A seeded fuzz of every channel that names a file: the page sends hostile paths and forged
// tokens, and the user picks hostile files in the open dialogs (devices, FIFOs, /proc files, links
// out of the chosen folder, link loops). Each call must answer (no crash) within 2 s (no stall),
// and nothing may be imported or quoted from a file the user did not grant.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatch';
import { grantDroppedPaths } from '../../electron/services/grants';
import { createHandlers } from '../../electron/services/index';
import { importableFormatIds } from '../../shared/formats';
import { openTestContext, rowCounts, type TestContext } from './helpers';

const seed = 20261130;
const secret = 'GLOSSA-FUZZ-SECRET-4711';
const stallMs = 2000;

/** The hostile places on disk: outside files, links to them, devices, a FIFO, loops. */
function hostileDisk(t: TestContext) {
  const outside = path.join(t.dir, 'outside');
  fs.mkdirSync(outside);
  const secretFile = path.join(outside, 'secret.txt');
  fs.writeFileSync(secretFile, `${secret}\n{"text": "${secret}", "label": []}\n`);
  const chosen = path.join(t.dir, 'chosen');
  fs.mkdirSync(chosen);
  const fifo = path.join(chosen, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  const links: string[] = [];
  for (const [name, target] of [
    ['secret.md', secretFile],
    ['secret.jsonl', secretFile],
    ['passwd.txt', '/etc/passwd'],
    ['zero.ann', '/dev/zero'],
    ['environ.json', '/proc/self/environ'],
    ['outside-folder', outside],
    ['dangling.txt', path.join(t.dir, 'missing')],
    ['fifo.jsonl', fifo],
  ] as const) {
    const link = path.join(chosen, name);
    fs.symlinkSync(target, link);
    links.push(link);
  }
  const loop = path.join(chosen, 'loop.txt');
  fs.symlinkSync(loop, loop);
  // A brat folder whose .txt leads outside.
  const brat = path.join(t.dir, 'brat');
  fs.mkdirSync(brat);
  fs.writeFileSync(path.join(brat, 'a.ann'), 'T1\tClaim 0 5\tGLOSS\n');
  fs.symlinkSync(secretFile, path.join(brat, 'a.txt'));
  const devices = ['/dev/zero', '/dev/urandom', '/dev/null', '/dev/full', '/proc/self/environ', '/proc/self/mem', '/proc/self/cmdline', '/etc/shadow', '/etc/passwd'];
  return { secretFile, chosen, fifo, brat, loop, paths: [secretFile, chosen, fifo, brat, loop, outside, ...links, ...devices] };
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | 'stalled'> {
  return Promise.race([promise, new Promise<'stalled'>((resolve) => setTimeout(() => resolve('stalled'), ms).unref())]);
}

async function call(dispatch: Dispatch, channel: string, args: unknown): Promise<string> {
  const started = performance.now();
  const answer = await within(dispatch(channel, args), stallMs);
  expect(answer, `${channel} ${JSON.stringify(args)?.slice(0, 200)} stalled`).not.toBe('stalled');
  expect(performance.now() - started).toBeLessThan(stallMs);
  return JSON.stringify(answer);
}

describe('IPC fuzz of the channels that name files', () => {
  it('page-sent paths and forged tokens: refused, nothing imported, nothing quoted', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const disk = hostileDisk(t);
    // Tokens main did give, then spent, or gave for other files: still nothing the page can misuse.
    const spent = t.ctx.grants.grant(disk.secretFile);
    t.ctx.grants.revoke(spent);
    const before = rowCounts(t.store);

    const hostilePath = fc.oneof(
      fc.constantFrom(...disk.paths),
      fc.constantFrom('', '.', '..', '../../etc/passwd', '~/.ssh/id_rsa', 'C:\\Windows\\win.ini', 'file:///etc/passwd', '/etc/passwd\0.txt', 'x'.repeat(5000)),
      fc.string({ maxLength: 40 }),
    );
    const forgedToken = fc.oneof(
      hostilePath,
      fc.constantFrom(spent, '__proto__', 'constructor', 'toString', 'hasOwnProperty', '00000000-0000-0000-0000-000000000000'),
      fc.uuid(),
    );
    const anyValue = fc.oneof(forgedToken, fc.integer(), fc.constant(null), fc.array(forgedToken, { maxLength: 3 }), fc.object({ maxDepth: 1 }));
    const payload = fc.oneof(
      fc.record({ channel: fc.constant('documents.importGranted'), args: fc.oneof(fc.record({ tokens: fc.array(forgedToken, { minLength: 1, maxLength: 4 }) }), fc.record({ paths: fc.array(hostilePath, { maxLength: 3 }) }), fc.record({ tokens: anyValue })) }),
      fc.record({
        channel: fc.constant('datasets.importAnnotations'),
        args: fc.oneof(
          fc.record({ format: fc.constantFrom(...importableFormatIds), token: forgedToken }),
          fc.record({ format: fc.constantFrom(...importableFormatIds), path: hostilePath }),
          fc.record({ format: anyValue, token: anyValue, createLabels: fc.boolean() }),
        ),
      }),
      fc.record({ channel: fc.constantFrom('datasets.planOpenedArchive', 'datasets.importOpenedArchive'), args: fc.oneof(fc.record({ token: forgedToken }), fc.record({ path: hostilePath }), fc.record({ token: anyValue })) }),
      // The channels that took paths before issue 11: gone.
      fc.record({ channel: fc.constantFrom('documents.importPaths', 'datasets.openDroppedArchive'), args: fc.oneof(fc.record({ paths: fc.array(hostilePath, { maxLength: 3 }) }), fc.record({ path: hostilePath })) }),
    );

    let calls = 0;
    await fc.assert(
      fc.asyncProperty(payload, async ({ channel, args }) => {
        calls += 1;
        const answer = await call(dispatch, channel, args);
        expect(JSON.parse(answer)).toMatchObject({ ok: false });
        expect(answer).not.toContain(secret);
        expect(answer).not.toMatch(/root:x:0:0|PATH=/);
      }),
      { seed, numRuns: 1500 },
    );
    expect(calls).toBe(1500);
    expect(rowCounts(t.store)).toEqual(before);
    expect(t.store.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });

  it('hostile files chosen in the dialogs or dropped: refused or skipped at once, nothing from outside imported', async () => {
    const t = openTestContext();
    const dispatch = createDispatcher(createHandlers(t.ctx));
    const disk = hostileDisk(t);
    const before = rowCounts(t.store);
    // Everything the user can pick that is no regular file, or leads out of the chosen folder.
    const picks = [disk.chosen, disk.fifo, disk.brat, disk.loop, '/dev/zero', '/dev/urandom', '/dev/null', '/proc/self/environ', '/proc/self/mem', path.join(disk.chosen, 'zero.ann'), path.join(disk.chosen, 'fifo.jsonl'), path.join(disk.chosen, 'environ.json'), path.join(disk.chosen, 'dangling.txt')];
    const action = fc.oneof(
      fc.record({ kind: fc.constant('reports' as const), picks: fc.subarray(picks, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('drop' as const), picks: fc.subarray(picks, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('annotations' as const), picks: fc.subarray(picks, { minLength: 1, maxLength: 1 }), format: fc.constantFrom(...importableFormatIds) }),
    );
    await fc.assert(
      fc.asyncProperty(action, async (a) => {
        let answer: string;
        if (a.kind === 'reports') {
          t.dialogs.filesToImport = a.picks;
          answer = await call(dispatch, 'documents.importDialog', {});
        } else if (a.kind === 'drop') {
          const tokens = grantDroppedPaths(t.ctx.grants, a.picks).map((g) => g.token);
          answer = await call(dispatch, 'documents.importGranted', { tokens });
        } else {
          t.dialogs.filesToImport = a.picks;
          answer = await call(dispatch, 'datasets.chooseImport', { format: a.format });
          const plan = JSON.parse(answer) as { ok: boolean; value?: { plan?: { token: string } } };
          if (plan.ok && plan.value?.plan) answer = await call(dispatch, 'datasets.importAnnotations', { format: a.format, token: plan.value.plan.token });
        }
        const parsed = JSON.parse(answer) as { ok: boolean; value?: { imported?: unknown[]; documentsAdded?: number } };
        if (parsed.ok) expect(parsed.value?.imported ?? [], answer).toEqual([]);
        expect(answer).not.toContain(secret);
        expect(answer).not.toMatch(/root:x:0:0|PATH=/);
        expect(rowCounts(t.store)).toEqual(before);
      }),
      { seed, numRuns: 30 },
    );
    // Each report pick starts an import job and its workers: slow on a loaded machine, never stalled.
  }, 90_000);
});
