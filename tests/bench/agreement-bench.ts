// Agreement and curation at scale (issue 15). agreement_ms: the agreement service over a real
// store of 1,000 reports in which 5 analysts made 20,000 spans each (the store read, offsets
// converted, every figure per label, per pair, per report and for the corpus). curation_paint_ms:
// the Curation screen for one report with 5 layers of 2,000 spans, from Ctrl+6 until its rows
// are painted, in the real renderer build (Chromium, the real core over the harness's bridge).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { createContext } from '../../electron/core';
import { analystNamed } from '../../electron/services/analysts/analysts';
import { agreementReport } from '../../electron/services/agreement/agreement';
import type { ServiceContext } from '../../electron/services/context';
import { insertAnnotation } from '../../electron/store/writers/annotations';
import { insertDocument } from '../../electron/store/writers/documents';
import { openStore } from '../../electron/store/store';
import { ScriptedDialogs, startSession } from '../harness/harness';

import { median, round1 } from './stats';
import { prng } from './corpus';

export const agreementTargets = { agreementMs: 2000, curationPaintMs: 300 };

const labels = ['claim', 'source', 'location'];
const sentence = 'Rebel commanders said on Friday that they had taken the bridge at Dorsk, a claim the ministry denied. ';

/**
 * Reports with spans by several analysts: a shared base of spans, which each analyst keeps
 * (90%), shifts by a few characters (7%) or drops and replaces with one of their own (3%).
 */
function seedLayers(ctx: ServiceContext, reports: number, spansPerReport: number, analysts: number, textLength: number, prefix: string): string[] {
  const db = ctx.store.db;
  const text = sentence.repeat(Math.ceil(textLength / sentence.length)).slice(0, textLength);
  const ids = Array.from({ length: analysts }, (_, i) => analystNamed(ctx, `Analyst ${i + 1}`).analyst.id);
  const next = prng(15);
  const docIds: string[] = [];
  db.transaction(() => {
    for (let r = 0; r < reports; r++) {
      const documentId = `${prefix}-doc-${r}`;
      docIds.push(documentId);
      const day = new Date(Date.UTC(2024, 0, 1) + r * 3_600_000).toISOString();
      insertDocument(db, {
        id: documentId, title: `${prefix} report ${r}`, outlet: 'Bench Wire', url: null, publishedAt: day.slice(0, 10), importedAt: day,
        sourceName: `${r}.txt`, text: `${r} ${text}`, contentHash: `${prefix}-hash-${r}`, author: null, sourceFormat: 'txt', encoding: 'utf-8', pageMap: null,
      });
      const length = text.length;
      const base = Array.from({ length: spansPerReport }, () => {
        const start = Math.floor(next() * (length - 80));
        return { start, end: start + 5 + Math.floor(next() * 60), labelId: labels[Math.floor(next() * labels.length)]! };
      });
      ids.forEach((analyst, a) => {
        base.forEach((span, s) => {
          const roll = next();
          const shift = roll < 0.9 ? 0 : roll < 0.97 ? 1 + Math.floor(next() * 4) : -1;
          const start = shift < 0 ? Math.floor(next() * (length - 80)) : span.start + shift;
          const end = shift < 0 ? start + 10 : span.end + shift;
          insertAnnotation(db, {
            id: `${documentId}-${a}-${s}`, documentId, labelId: span.labelId, start, end, quote: 'x'.repeat(end - start), note: '',
            createdAt: day, updatedAt: day, layer: analyst,
          }, analyst);
        });
      });
    }
  }).immediate();
  return docIds;
}

/** For profiling by hand: the agreement bench's corpus in a given context. */
export function seedForProfile(ctx: ServiceContext): void {
  seedLayers(ctx, 1000, 20, 5, 5000, 'agreement');
}

export function seedCurationForProfile(ctx: ServiceContext): void {
  seedLayers(ctx, 1, 2000, 5, 200_000, 'curation');
}

export function measureAgreement(log: (m: string) => void): { agreement_ms: number; runs: number[]; cpuRuns: number[]; seedS: number; spans: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-agreement-bench-'));
  const store = openStore(path.join(dir, 'glossa.sqlite'));
  try {
    const ctx = createContext(store, new ScriptedDialogs(), 'bench');
    const t0 = performance.now();
    seedLayers(ctx, 1000, 20, 5, 5000, 'agreement');
    const seedS = round1((performance.now() - t0) / 1000);
    const spans = (store.db.prepare('SELECT count(*) FROM annotations').pluck().get() as number);
    log(`agreement: seeded 1,000 reports, 5 analysts × 20,000 spans (${spans.toLocaleString('en')} annotations) in ${seedS} s; 3 runs…`);
    const names = Array.from({ length: 5 }, (_, i) => `Analyst ${i + 1}`);
    const runs: number[] = [];
    // CPU time beside wall time: on a shared, loaded machine the wall time says more about the neighbours.
    const cpuRuns: number[] = [];
    for (let i = 0; i < 3; i++) {
      const cpu = process.cpuUsage();
      const t = performance.now();
      const report = agreementReport(ctx, { analysts: names });
      runs.push(round1(performance.now() - t));
      cpuRuns.push(round1(process.cpuUsage(cpu).user / 1000));
      if (report.reports !== 1000 || report.pairsCompared !== 10) throw new Error('agreement bench: wrong scope');
    }
    return { agreement_ms: round1(median(runs)), runs, cpuRuns, seedS, spans };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureCurationPaint(browser: Browser, log: (m: string) => void): Promise<{ curation_paint_ms: number; runs: number[] }> {
  const session = await startSession(browser, { seedSample: false, viewport: { width: 1280, height: 820 } });
  try {
    seedLayers(session.core.ctx, 1, 2000, 5, 200_000, 'curation');
    const page = await session.openApp();
    await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
    log('curation: a report with 5 layers of 2,000 spans, Ctrl+6 → rows painted, 5 runs…');
    const runs: number[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Control+1');
      await page.getByRole('heading', { name: 'Library', level: 1 }).waitFor();
      const t0 = performance.now();
      await page.keyboard.press('Control+6');
      await page.locator('.candidate-row:not(.head)').first().waitFor();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (i > 0) runs.push(round1(performance.now() - t0)); // the first run warms the caches
    }
    const rows = await page.locator('.curation-screen [role="status"]').first().textContent();
    log(`curation: ${rows}; runs ${runs.join(', ')} ms`);
    return { curation_paint_ms: round1(median(runs)), runs };
  } finally {
    await session.close();
  }
}
