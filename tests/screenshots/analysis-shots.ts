// Screenshots of the analysis screens: the claims table, the map and the labels & schema editor,
// light and dark, over a small corpus seeded through the real services.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { Seeder } from '../e2e/analysis-seed';
import { AppPage } from '../e2e/pages/app-page';
import type { ServiceContext } from '../../electron/services/context';
import { startSession } from '../harness/harness';

interface Report {
  title: string;
  date: string;
  tags: string[];
  claims: {
    quote: string;
    status: string;
    confidence: string;
    type: string;
    source?: { quote: string; kind: string };
    place?: { quote: string; name: string; lat: number; lon: number };
  }[];
}

const reports: Report[] = [
  {
    title: 'Shelling reported on the outskirts of Kharkiv',
    date: '2026-03-18',
    tags: ['ukraine'],
    claims: [
      { quote: 'At least 12 civilians were wounded overnight', status: 'corroborated', confidence: 'high', type: 'casualty figure', source: { quote: 'The regional governor', kind: 'official' }, place: { quote: 'Kharkiv', name: 'Kharkiv', lat: 49.99, lon: 36.23 } },
      { quote: 'Two power substations were hit', status: 'unverified', confidence: 'medium', type: 'event', source: { quote: 'Local residents', kind: 'eyewitness' }, place: { quote: 'Chuhuiv', name: 'Chuhuiv', lat: 49.84, lon: 36.69 } },
    ],
  },
  {
    title: 'M23 fighters enter Goma as government troops withdraw',
    date: '2026-02-27',
    tags: ['drc', 'great lakes'],
    claims: [
      { quote: 'Rebels now control the airport', status: 'disputed', confidence: 'medium', type: 'territorial control', source: { quote: 'A rebel spokesman', kind: 'armed group' }, place: { quote: 'Goma', name: 'Goma', lat: -1.68, lon: 29.22 } },
      { quote: 'The airport remained in army hands', status: 'disputed', confidence: 'low', type: 'statement', source: { quote: 'The army', kind: 'military' }, place: { quote: 'Goma', name: 'Goma', lat: -1.68, lon: 29.22 } },
      { quote: 'Thousands fled towards Gisenyi', status: 'corroborated', confidence: 'high', type: 'event', source: { quote: 'UNHCR', kind: 'NGO/monitor' }, place: { quote: 'Gisenyi', name: 'Gisenyi', lat: -1.7, lon: 29.26 } },
    ],
  },
  {
    title: 'Aid convoy reaches besieged district of Khartoum',
    date: '2026-03-02',
    tags: ['sudan'],
    claims: [
      { quote: 'Forty trucks of food and medicine crossed the front line', status: 'corroborated', confidence: 'high', type: 'event', source: { quote: 'The World Food Programme', kind: 'NGO/monitor' }, place: { quote: 'Khartoum', name: 'Khartoum', lat: 15.5, lon: 32.56 } },
      { quote: 'Snipers fired on the convoy near the bridge', status: 'refuted', confidence: 'low', type: 'event', source: { quote: 'An account on social media', kind: 'social media' } },
    ],
  },
  {
    title: 'Gang clashes close roads out of Port-au-Prince',
    date: '2026-01-14',
    tags: ['haiti'],
    claims: [
      { quote: 'The main road north has been blocked for five days', status: 'unverified', confidence: 'medium', type: 'territorial control', source: { quote: 'Bus drivers', kind: 'eyewitness' }, place: { quote: 'Port-au-Prince', name: 'Port-au-Prince', lat: 18.54, lon: -72.34 } },
    ],
  },
  {
    title: 'Drought displaces herders in southern Somalia',
    date: '2026-03-09',
    tags: ['somalia'],
    claims: [
      { quote: 'More than 80,000 people have left their villages since January', status: 'corroborated', confidence: 'medium', type: 'casualty figure', source: { quote: 'The UN humanitarian office', kind: 'NGO/monitor' }, place: { quote: 'Baidoa', name: 'Baidoa', lat: 3.11, lon: 43.65 } },
      { quote: 'Camps around Mogadishu are full', status: 'unverified', confidence: 'low', type: 'statement', source: { quote: 'A camp manager', kind: 'anonymous' }, place: { quote: 'Mogadishu', name: 'Mogadishu', lat: 2.04, lon: 45.34 } },
    ],
  },
];

function seed(ctx: ServiceContext): void {
  for (const report of reports) {
    const paragraphs = report.claims.map((c) => {
      const parts = [c.source ? `${c.source.quote} said that` : 'It was reported that', `${c.quote.charAt(0).toLowerCase()}${c.quote.slice(1)}`];
      if (c.place && !c.quote.includes(c.place.quote)) parts.push(`in ${c.place.quote}`);
      return `${parts.join(' ')}.`;
    });
    const seeder = Seeder.report(ctx, { title: report.title, text: `${report.title}\n\n${paragraphs.join('\n\n')}`, publishedAt: report.date, tags: report.tags });
    report.claims.forEach((c, i) => {
      const after = paragraphs.slice(0, i).join('\n\n');
      const claimQuote = `${c.quote.charAt(0).toLowerCase()}${c.quote.slice(1)}`;
      const { location } = seeder.claim(
        claimQuote,
        { status: c.status, confidence: c.confidence, 'claim type': c.type },
        { source: c.source, location: c.place?.quote, after: after ? `${report.title}\n\n${after}` : report.title },
      );
      if (c.place) seeder.place(location!, c.place.lat, c.place.lon, c.place.name);
    });
  }
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())))));
}

export async function analysisScreens(browser: Browser, outDir: string, written: string[]): Promise<void> {
  const storePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-shots-analysis-')), 'glossa.sqlite');
  for (const scheme of ['light', 'dark'] as const) {
    const session = await startSession(browser, { storePath, colorScheme: scheme });
    const suffix = scheme === 'dark' ? '-dark' : '';
    const shot = async (page: Page, name: string) => {
      await settle(page);
      const file = path.join(outDir, `${name}${suffix}.png`);
      await page.screenshot({ path: file });
      written.push(file);
    };
    try {
      if (scheme === 'light') seed(session.core.ctx);
      const page = await session.openApp();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const app = new AppPage(page);
      const { claims, map, schema } = app;

      await claims.open();
      await claims.rows().nth(2).waitFor();
      await claims.rows().nth(1).focus();
      await shot(page, 'claims-table');
      if (scheme === 'light') {
        await claims.filter('Status', 'disputed');
        await app.notice('match').waitFor();
        await shot(page, 'claims-filtered');
      }

      await map.open();
      await map.points().first().waitFor();
      // Kharkiv's point, or the cluster it is drawn in at the whole-world view.
      await map.point(/Kharkiv/).hover();
      await shot(page, 'map');
      await map.placeInList(/^Goma/).click();
      await map.spansAt('Goma').waitFor();
      await map.zoomIn();
      await shot(page, 'map-place');

      await schema.open();
      await schema.attributesHeading('Claim').waitFor();
      await shot(page, 'schema-editor');
      if (scheme === 'light') {
        await schema.deleteLabelButton('Location').click();
        await schema.deleteLabelDialog('Location').waitFor();
        await shot(page, 'schema-delete-label');
        await page.keyboard.press('Escape');
        await schema.nameField('Source').focus();
        await schema.removeOption('kind', 'official');
        await schema.saveOptions('kind');
        await shot(page, 'schema-options');
      }
      if (errors.length) throw new Error(`uncaught errors in the renderer: ${errors.join('; ')}`);
    } finally {
      await session.close();
    }
  }
}
