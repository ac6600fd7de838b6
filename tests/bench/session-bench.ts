// Issue 14's session counts: runs the desk-session e2e (the reference session on the sample
// report, by mouse and by keyboard only) in Playwright and reads back the actions each took.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const sessionTargets = { mouse: 150, keyboard: 220 } as const;

interface SessionFigure {
  mode: 'mouse' | 'keyboard';
  actions: number;
  wrongLinks: number;
}

export function measureSessions(log: (message: string) => void) {
  log('desk session: the reference session by mouse and by keyboard (Playwright)…');
  const dir = mkdtempSync(path.join(tmpdir(), 'glossa-session-'));
  const out = path.join(dir, 'sessions.jsonl');
  try {
    const run = spawnSync('npx', ['playwright', 'test', '-c', 'tests/playwright.config.ts', '--workers', '1', 'tests/e2e/desk-session.spec.ts'], {
      env: { ...process.env, GLOSSA_SESSION_OUT: out },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (run.status !== 0) log(run.stdout.slice(-3000));
    const figures = readFileSync(out, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as SessionFigure);
    const of = (mode: SessionFigure['mode']) => figures.find((f) => f.mode === mode);
    return {
      session_mouse_actions: of('mouse')?.actions ?? -1,
      session_keyboard_actions: of('keyboard')?.actions ?? -1,
      session_wrong_links: figures.reduce((n, f) => n + f.wrongLinks, 0),
      passed: run.status === 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
