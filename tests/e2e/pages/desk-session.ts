// The reference session of issue 14 on the sample report, as a page object: tag 6 claims,
// 3 sources and 5 places (three places inside claims), link each claim to its source and place,
// set the statuses, resolve two places, undo and redo, review the claims table and the map,
// export. Once mainly by mouse, once by keyboard only; every action is counted (ActionCounter).
import { expect, type Page } from '@playwright/test';
import { sampleReport } from '../../../electron/sample/sample-report';
import { nextWord, wordStartingWith } from '../../../renderer/src/reader/words';
import { ActionCounter } from './action-counter';
import type { AppPage } from './app-page';

const text = sampleReport.text;

type LabelKey = '1' | '2' | '3';
export interface PlannedSpan {
  name: string;
  label: LabelKey;
  quote: string;
  /** A stretch of the report that holds the quote once and nothing else does. */
  context: string;
}

const span = (name: string, label: LabelKey, quote: string, context = quote): PlannedSpan => {
  if (text.indexOf(context) < 0 || text.indexOf(context) !== text.lastIndexOf(context) || !context.includes(quote)) throw new Error(`bad context ${context}`);
  return { name, label, quote, context };
};
export const startOf = (s: PlannedSpan) => text.indexOf(s.context) + s.context.indexOf(s.quote);

const S1 = span('S1', '2', 'Rebel commanders', 'Rebel commanders said on Friday');
const L1 = span('L1', '3', 'Dorsk', 'river town of Dorsk');
const C1 = span('C1', '1', 'they had seized the river town of Dorsk');
const L2 = span('L2', '3', 'Kestrava', 'road to Kestrava');
const C2 = span('C2', '1', 'two villages on the road to Kestrava');
const S2 = span('S2', '2', 'Samir Nuñez');
const C3 = span('C3', '1', 'Our forces hold the bridge and the market square');
const C4 = span('C4', '1', 'What the rebels call a victory is a raid on an empty police post');
const S3 = span('S3', '2', 'Vell Valley Monitoring Group', 'According to the Vell Valley Monitoring Group');
const L5 = span('L5', '3', 'Port Alder', 'conflict from Port Alder');
const C5 = span('C5', '1', 'at least 40 people have been killed since Tuesday');
const L3 = span('L3', '3', 'Orrin Crossing', 'nearby village of Orrin Crossing');
const L4 = span('L4', '3', 'Kestrava', 'hospital records in Kestrava');
const C6 = span('C6', '1', 'its count relied on hospital records in Kestrava');

interface ClaimWork {
  claim: PlannedSpan;
  /** Status option: 1 unverified, 2 corroborated, 3 disputed, 4 refuted. */
  status: 1 | 2 | 3 | 4;
  source: PlannedSpan;
  place: PlannedSpan;
  /** What a keyboard user types in the Link dialog for the place ('' when the first row is it). */
  placeQuery: string;
}

type Step = { tag: PlannedSpan; resolve?: { lat: string; lon: string } } | { claim: ClaimWork };

/** The session, in reading order: sources and places first, then the claim that links to them. */
const steps: Step[] = [
  { tag: S1 },
  { tag: L1, resolve: { lat: '54.1', lon: '23.5' } },
  { claim: { claim: C1, status: 3, source: S1, place: L1, placeQuery: '' } },
  { tag: L2, resolve: { lat: '54.3', lon: '23.9' } },
  { claim: { claim: C2, status: 1, source: S1, place: L2, placeQuery: '' } },
  { tag: S2 },
  { claim: { claim: C3, status: 3, source: S2, place: L1, placeQuery: 'd' } },
  { claim: { claim: C4, status: 4, source: S2, place: L1, placeQuery: 'd' } },
  { tag: S3 },
  { tag: L5 },
  { tag: L3 },
  { claim: { claim: C5, status: 2, source: S3, place: L3, placeQuery: 'o' } },
  { tag: L4 },
  { claim: { claim: C6, status: 1, source: S3, place: L4, placeQuery: '' } },
];

export const plannedSpans = [S1, L1, C1, L2, C2, S2, C3, C4, S3, L5, C5, L3, L4, C6];
export const plannedLinks = steps.flatMap((s) =>
  'claim' in s
    ? [
        { typeId: 'attributed-to', from: s.claim.claim, to: s.claim.source },
        { typeId: 'located-at', from: s.claim.claim, to: s.claim.place },
      ]
    : [],
);
export const plannedStatuses = steps.flatMap((s) => ('claim' in s ? [{ claim: s.claim.claim, status: ['unverified', 'corroborated', 'disputed', 'refuted'][s.claim.status - 1]! }] : []));
export const plannedPlaces = steps.flatMap((s) => ('tag' in s && s.resolve ? [{ place: s.tag, ...s.resolve }] : []));

/** The tag toolbar names the selection, cut at 60 characters. */
const asToolbarNames = (quote: string) => (quote.length > 60 ? `${quote.slice(0, 60)}…` : quote);

export type SessionMode = 'mouse' | 'keyboard';

export class DeskSession {
  readonly actions: ActionCounter;
  /** Where the keyboard's type-ahead starts from: the end of what was last tagged or selected. */
  private cursor = 0;
  private lastStart = 0;

  constructor(
    readonly page: Page,
    readonly app: AppPage,
    readonly mode: SessionMode,
  ) {
    this.actions = new ActionCounter(page);
  }

  private get reader() {
    return this.app.reader;
  }

  async run(exportTo: () => void): Promise<number> {
    await this.openReport();
    for (const step of steps) {
      if ('tag' in step) {
        await this.tag(step.tag);
        if (step.resolve) await this.resolve(step.tag, step.resolve.lat, step.resolve.lon);
      } else {
        await this.tag(step.claim.claim);
        await this.setStatus(step.claim);
        await this.link(step.claim, 'source');
        await this.link(step.claim, 'place');
      }
    }
    await this.undoRedo();
    await this.review();
    exportTo();
    await this.export();
    return this.actions.count;
  }

  private async openReport() {
    const row = this.page.getByRole('grid', { name: 'Reports' }).locator('[role="row"][data-id]').filter({ hasText: sampleReport.title });
    if (this.mode === 'mouse') await this.actions.click(row.locator('.doc-open'), 'open report');
    else {
      await this.actions.tabTo(row);
      await this.actions.press('Enter');
    }
    await expect(this.reader.text()).toBeVisible();
    if (this.mode === 'keyboard') await this.actions.tabTo(this.reader.text());
  }

  private async tag(s: PlannedSpan) {
    const start = startOf(s);
    if (this.mode === 'mouse') {
      if (await this.scrollIntoView(s.context)) this.actions.scrolled();
      const at = (i: number) => (i + 0.5) / (s.context.length - 1);
      const first = s.context.indexOf(s.quote);
      const p = await this.reader.dragPoints(s.context, s.context, at(first), at(first + s.quote.length - 1));
      await this.actions.drag({ x: p.x1, y: p.y1 }, { x: p.x2, y: p.y2 });
      await expect.poll(() => this.reader.selectedQuote(), { message: `selecting ${s.name}` }).toBe(asToolbarNames(s.quote));
      await this.actions.press(s.label);
    } else {
      const word = nextWord(text, start)!;
      const { prefix, direction } = this.prefixFor(word.start, text.slice(word.start, word.end));
      await this.actions.press(direction === 1 ? '/' : 'Shift+Slash');
      await this.actions.type(prefix);
      for (let at = word.end; at < start + s.quote.length; at = nextWord(text, at)!.end) await this.actions.press('Shift+ArrowRight');
      await expect.poll(() => this.reader.selectedQuote(), { message: `selecting ${s.name}` }).toBe(asToolbarNames(s.quote));
      await this.actions.press(s.label);
    }
    await expect(this.reader.selectedCard().locator('.quote')).toHaveText(`“${s.quote}”`);
    await expect(this.reader.selectedCard()).not.toHaveAttribute('aria-busy', 'true');
    this.cursor = start + s.quote.length;
    this.lastStart = start;
  }

  /** Scrolls the text so that `context` is in view, as a user turns the wheel; false when it already was. */
  private scrollIntoView(context: string): Promise<boolean> {
    return this.page.evaluate((wanted) => {
      const scroller = document.querySelector('.reader-scroll')!;
      const walker = document.createTreeWalker(document.querySelector('.reader-text')!, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode as Text;
        const at = node.parentElement!.closest('.block')?.textContent?.indexOf(wanted) ?? -1;
        if (at < 0) continue;
        const block = node.parentElement!.closest('.block')!;
        const box = block.getBoundingClientRect();
        const view = scroller.getBoundingClientRect();
        if (box.top >= view.top && box.bottom <= view.bottom) return false;
        block.scrollIntoView({ block: 'center' });
        return true;
      }
      throw new Error(`not rendered: ${wanted}`);
    }, context);
  }

  /** The shortest start of the word that type-ahead, from the cursor, takes to this very word. */
  private prefixFor(wordStart: number, word: string): { prefix: string; direction: 1 | -1 } {
    for (let n = 1; n <= word.length; n++) {
      for (const direction of [1, -1] as const) {
        // Backwards the search starts where the last span started.
        const from = direction === 1 ? this.cursor : this.lastStart;
        if (wordStartingWith(text, word.slice(0, n), from, direction)?.start === wordStart) return { prefix: word.slice(0, n), direction };
      }
    }
    throw new Error(`type-ahead cannot reach “${word}” at ${wordStart} from ${this.cursor}`);
  }

  private async setStatus(work: ClaimWork) {
    const card = this.reader.annotation(work.claim.quote);
    if (this.mode === 'mouse') await this.actions.choose(card.status(), ['unverified', 'corroborated', 'disputed', 'refuted'][work.status - 1]!);
    else await this.actions.press(`Shift+Digit${work.status}`);
    await expect(card.root.getByRole('combobox', { name: 'status' })).toHaveValue(['unverified', 'corroborated', 'disputed', 'refuted'][work.status - 1]!);
  }

  private async link(work: ClaimWork, to: 'source' | 'place') {
    const target = to === 'source' ? work.source : work.place;
    const card = this.reader.annotation(work.claim.quote);
    if (this.mode === 'mouse') await this.actions.click(card.root.getByRole('button', { name: 'Link…' }), 'Link…');
    else await this.actions.press('l');
    await expect(this.reader.linkDialog()).toBeVisible();
    await expect(this.reader.linkRelation()).toHaveValue(to === 'source' ? 'attributed-to' : 'located-at');
    if (this.mode === 'mouse') {
      await this.actions.click(this.reader.linkTargets().filter({ hasText: target.context }), `link ${target.name}`);
    } else {
      await expect(this.reader.linkDialog().getByRole('searchbox')).toBeFocused();
      const query = to === 'place' ? work.placeQuery : '';
      if (query) {
        await this.actions.type(query);
        await expect(this.reader.linkTargets().first()).toContainText(target.quote);
      }
      await expect(this.reader.linkTargets().first()).not.toHaveText('');
      await this.actions.press('Enter');
    }
    await expect(this.reader.linkDialog()).toBeHidden();
    await expect(this.app.notice(/^Linked /)).toBeVisible();
  }

  private async resolve(place: PlannedSpan, lat: string, lon: string) {
    const dialog = this.reader.placeDialog(place.quote);
    const latitude = dialog.getByRole('textbox', { name: 'Latitude' });
    const longitude = dialog.getByRole('textbox', { name: 'Longitude' });
    if (this.mode === 'mouse') {
      await this.actions.click(this.reader.selectedCard().getByRole('button', { name: 'Resolve place…' }), 'Resolve place…');
      await this.actions.click(latitude, 'latitude');
      await this.actions.type(lat);
      await this.actions.click(longitude, 'longitude');
      await this.actions.type(lon);
      await this.actions.click(dialog.getByRole('button', { name: 'Use these coordinates' }), 'use coordinates');
    } else {
      await this.actions.press('p');
      await expect(dialog).toBeVisible();
      await this.actions.tabTo(latitude);
      await this.actions.type(lat);
      await this.actions.press('Tab');
      await this.actions.type(lon);
      await this.actions.press('Enter');
    }
    await expect(dialog).toBeHidden();
    await expect(this.reader.selectedCard()).toContainText(`📍 ${place.quote}`);
    if (this.mode === 'keyboard') await expect(this.reader.text()).toBeFocused();
  }

  private async undoRedo() {
    const links = this.reader.annotation(C6.quote).links();
    await this.actions.press('Control+z');
    await expect(this.app.notice(/^Removed the link “its count relied on hospital…” located at “Kestrava”\./)).toBeVisible();
    await expect(links).not.toContainText('located at');
    await this.actions.press('Control+Shift+z');
    await expect(links).toContainText('located at');
  }

  private async review() {
    const claimsTab = this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims', exact: true });
    const mapTab = this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Map', exact: true });
    if (this.mode === 'mouse') await this.actions.click(claimsTab, 'Claims');
    else await this.actions.press('Control+2');
    await expect(this.app.claims.table().getByRole('row')).toHaveCount(7);
    if (this.mode === 'mouse') await this.actions.click(mapTab, 'Map');
    else await this.actions.press('Control+3');
    await expect(this.app.map.map()).toBeVisible();
  }

  private async export() {
    const dialog = this.app.exportDialog;
    if (this.mode === 'mouse') {
      await this.actions.click(this.page.getByRole('button', { name: 'Export…' }), 'Export…');
      await this.actions.click(dialog.exportButton(), 'export');
    } else {
      await this.actions.press('Control+e');
      await expect(dialog.dialog()).toBeVisible();
      await this.actions.tabTo(dialog.exportButton());
      await this.actions.press('Enter');
    }
    await expect(dialog.dialog()).toBeHidden();
  }
}
