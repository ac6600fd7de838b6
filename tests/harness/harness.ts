// Runs the real renderer build in Debian's Chromium with the real main-process core (store,
// services, dispatcher) in this Node process. window.glossa reaches the dispatcher through
// page.exposeBinding, so every call crosses the same validation as in the app.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startAppCore } from '../../electron/app-core';
import type { Core } from '../../electron/core';
import { serveRendererFile } from '../../electron/protocol/renderer-files';
import type { DialogPort } from '../../electron/services/context';
import { grantDroppedPaths } from '../../electron/services/grants';
import { confirmProfile } from '../../electron/store/writers/analysts';
import type { AppEvent, ArgsOf, Channel, ResultOf } from '../../shared/contract';

export const repoRoot = path.resolve(__dirname, '../..');
export const rendererDir = path.join(repoRoot, 'dist/renderer');
/** The harness serves the renderer under this origin: a secure context, as app://glossa is in the app. */
export const harnessOrigin = 'https://glossa.test';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s chromium package (apt-get install -y chromium).');
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/** Dialog answers a test lines up in advance, as a user would click them. */
export class ScriptedDialogs implements DialogPort {
  readonly openAnswers: string[][] = [];
  readonly saveAnswers: (string | null)[] = [];
  readonly savePrompts: { suggestedName: string; extension: string }[] = [];
  /** Files (a folder for brat) of annotated data, one per "Choose file…"; null cancels. */
  readonly annotationAnswers: (string | null)[] = [];
  /** The format each annotation open dialog was shown for. */
  readonly annotationPrompts: string[] = [];

  async chooseFilesToImport(): Promise<string[]> {
    return this.openAnswers.shift() ?? [];
  }

  async chooseAnnotationsToImport(format: string): Promise<string | null> {
    this.annotationPrompts.push(format);
    return this.annotationAnswers.length ? this.annotationAnswers.shift()! : null;
  }

  async chooseExportPath(suggestedName: string, extension: string): Promise<string | null> {
    this.savePrompts.push({ suggestedName, extension });
    return this.saveAnswers.length ? this.saveAnswers.shift()! : null;
  }
}

let bridgeScript: string | null = null;
function harnessBridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [path.join(__dirname, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
  }).outputFiles[0]!.text;
  return bridgeScript;
}

/** A channel's answer, or the error it returned thrown. */
export type Call = <C extends Channel>(channel: C, args: ArgsOf<C>) => Promise<ResultOf<C>>;

export interface Session {
  core: Core;
  dialogs: ScriptedDialogs;
  storePath: string;
  /** Calls a channel through the same dispatcher (and validation) the page uses. */
  call: Call;
  /** Opens (or reopens, as after a restart) the app in a new page. */
  openApp(): Promise<Page>;
  /** Holds the page's calls of a channel until release(), as a slow disk would: they reach main only then. */
  hold(channel: string): { release(): void };
  /** Closes the store and opens it again from disk, as quitting and relaunching the app does. */
  restart(): Promise<Page>;
  close(): Promise<void>;
}

export interface SessionOptions {
  storePath?: string;
  seedSample?: boolean;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Open the store for viewing only, as the app does when its file or folder is read-only. */
  readOnly?: boolean;
  /** Leave the analyst's name unconfirmed, so the app asks for it as on a first run (default: confirmed). */
  askAnalystName?: boolean;
}

export async function startSession(browser: Browser, options: SessionOptions = {}): Promise<Session> {
  const storePath = options.storePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-e2e-')), 'glossa.sqlite');
  const dialogs = new ScriptedDialogs();
  let page: Page | null = null;
  // Events reach the page as webContents.send does in the app.
  const emit = (event: AppEvent) => void page?.evaluate((e) => window.__glossaEvent(e), event).catch(() => undefined);
  const start = () =>
    startAppCore({
      storePath,
      dialogs,
      appVersion: 'test',
      seedSample: options.seedSample ?? true,
      logError: () => undefined,
      emit,
      readOnly: options.readOnly,
      // As the app: background team sync, the token in the plain 0600 file (no keychain here).
      teamSync: {},
    });
  // The app's core: a damaged store opens on the damaged-store screen instead of failing.
  let app = start();
  if (!options.askAnalystName && !options.readOnly && app.core) confirmProfile(app.core.store.db, new Date().toISOString());
  let context: BrowserContext | null = null;
  const held = new Map<string, Promise<void>>();

  const openApp = async (): Promise<Page> => {
    await context?.close();
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 820 },
      colorScheme: options.colorScheme ?? 'light',
    });
    await context.route(`${harnessOrigin}/**`, (route) => {
      const response = serveRendererFile(rendererDir, new URL(route.request().url()).pathname);
      return route.fulfill({ status: response.status, headers: response.headers, body: response.body });
    });
    // Anything else the page asks for is remote content, which the app never loads.
    await context.route((url) => !url.href.startsWith(harnessOrigin), (route) => route.abort('blockedbyclient'));
    // Results travel as one JSON string: Playwright's own serialiser walks every value and
    // would make the harness, not the app, the slow part on large answers.
    await context.exposeBinding('__glossaInvokeJson', async (_source, channel: unknown, args: unknown) => {
      await held.get(String(channel));
      return JSON.stringify(await app.dispatch(channel, args));
    });
    // The preload's private drop channel, which the page's window.glossa has no method for.
    await context.exposeBinding('__glossaGrantDrop', async (_source, paths: unknown) => JSON.stringify(app.core ? grantDroppedPaths(app.core.ctx.grants, paths) : []));
    await context.addInitScript({ content: harnessBridge() });
    page = await context.newPage();
    await page.goto(`${harnessOrigin}/index.html`);
    return page;
  };

  return {
    get core() {
      if (!app.core) throw new Error(`The store is not open: ${app.status().problem}`);
      return app.core;
    },
    dialogs,
    storePath,
    async call(channel, args) {
      const answer = await app.dispatch(channel, args);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
      return answer.value as ResultOf<typeof channel>;
    },
    openApp,
    hold(channel) {
      let release = () => undefined as void;
      held.set(channel, new Promise<void>((resolve) => (release = resolve)));
      return {
        release() {
          held.delete(channel);
          release();
        },
      };
    },
    async restart() {
      await context?.close();
      context = null;
      app.close();
      app = start();
      return openApp();
    },
    async close() {
      await context?.close();
      app.close();
    },
  };
}
