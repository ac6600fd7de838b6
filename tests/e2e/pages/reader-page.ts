// Page object for the reader: what a user does, in the words a user would use.
import { expect, type Locator, type Page } from '@playwright/test';
import { AnnotationCard } from './annotation-card';

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export class ReaderPage {
  constructor(readonly page: Page) {}

  text(): Locator {
    return this.page.getByRole('document', { name: /Report text/ });
  }

  sidebar(): Locator {
    return this.page.getByRole('complementary', { name: 'Annotations' });
  }

  cards(): Locator {
    return this.sidebar().locator('article.card');
  }

  selectedCard(): Locator {
    return this.cards().and(this.page.locator('.selected'));
  }

  /** The card whose quote is exactly `quote`. */
  card(quote: string): Locator {
    return this.cards().filter({ has: this.page.locator('.quote').getByText(`“${quote}”`, { exact: true }) });
  }

  cardById(id: string): Locator {
    return this.cards().and(this.page.locator(`[data-annotation-id="${id}"]`));
  }

  /** The parts of the card whose quote is exactly `quote`. */
  annotation(quote: string): AnnotationCard {
    return new AnnotationCard(this.card(quote));
  }

  highlights(): Locator {
    return this.text().locator('.ann');
  }

  /** A highlight (a run of text under the same spans) whose text is exactly `text`. */
  span(text: string): Locator {
    return this.text().locator('[data-ids]', { hasText: exactly(text) });
  }

  /** The paragraphs in the DOM (only those near the screen on a long report). */
  blocks(): Locator {
    return this.page.locator('.reader-text .block');
  }

  /** The arcs drawn from the selected annotation to the ones it is linked to. */
  connectors(): Locator {
    return this.page.locator('.relation-arcs path[marker-end]');
  }

  linkDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Link/ });
  }

  /** In the link dialog: the type of relation. */
  linkRelation(): Locator {
    return this.linkDialog().getByRole('combobox', { name: 'Relation' });
  }

  /** In the link dialog: pick the target by clicking its highlight in the text. */
  async pickLinkTargetInText(): Promise<void> {
    await this.linkDialog().getByRole('button', { name: 'Pick in the text…' }).click();
  }

  /** In the link dialog: the annotations to link to. */
  linkTargets(): Locator {
    return this.page.getByRole('listbox', { name: 'Annotations to link to' }).getByRole('option');
  }

  placeDialog(quote: string): Locator {
    return this.page.getByRole('dialog', { name: `Which place is “${quote}”?` });
  }

  /** In the place dialog: the gazetteer's candidates, best first. */
  placeCandidates(quote: string): Locator {
    return this.placeDialog(quote).getByRole('list', { name: 'Candidate places' }).getByRole('button');
  }

  async enterCoordinates(quote: string, lat: string, lon: string): Promise<void> {
    const dialog = this.placeDialog(quote);
    await dialog.getByRole('textbox', { name: 'Latitude' }).fill(lat);
    await dialog.getByRole('textbox', { name: 'Longitude' }).fill(lon);
    await dialog.getByRole('button', { name: 'Use these coordinates' }).click();
  }

  async openFromLibrary(title: RegExp | string): Promise<void> {
    await this.page.getByRole('grid', { name: 'Reports' }).locator('[role="row"][data-id]').filter({ hasText: title }).locator('.doc-open').click();
    await expect(this.text()).toBeVisible();
  }

  /** Drags over `fromText`…`toText` and presses a label's key: 1 Claim, 2 Source, 3 Location. */
  async tag(fromText: string, toText: string, key: string, options: { fromAt?: number; toAt?: number } = {}): Promise<void> {
    await this.dragSelect(fromText, toText, options);
    await this.page.keyboard.press(key);
  }

  /** Screen points inside the first and last characters of the n-th occurrence of `from`…`to`. */
  async dragPoints(fromText: string, toText: string, fromAt = 0.5, toAt = 0.5) {
    return this.page.evaluate(
      ({ fromText, toText, fromAt, toAt }) => {
        const root = document.querySelector('.reader-text')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        while (walker.nextNode()) nodes.push(walker.currentNode as Text);
        const full = nodes.map((n) => n.data).join('');
        const locate = (offset: number) => {
          let rest = offset;
          for (const node of nodes) {
            if (rest < node.data.length) return { node, offset: rest };
            rest -= node.data.length;
          }
          throw new Error('offset outside rendered text');
        };
        const charRect = (offset: number) => {
          const { node, offset: at } = locate(offset);
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getBoundingClientRect();
        };
        const start = full.indexOf(fromText);
        if (start < 0) throw new Error(`not rendered: ${fromText}`);
        const endTextAt = full.indexOf(toText, start);
        if (endTextAt < 0) throw new Error(`not rendered: ${toText}`);
        const a = charRect(start + Math.floor((fromText.length - 1) * fromAt));
        const b = charRect(endTextAt + Math.floor((toText.length - 1) * toAt));
        // Whole pixels: Chromium drops a drag-selection whose mouse events have fractional positions.
        const px = (v: number) => Math.round(v);
        return { x1: px(a.left + a.width / 2), y1: px(a.top + a.height / 2), x2: px(b.left + b.width / 2), y2: px(b.top + b.height / 2) };
      },
      { fromText, toText, fromAt, toAt },
    );
  }

  /** Drags the mouse from inside `fromText` to inside `toText`, as a user selects text. */
  async dragSelect(fromText: string, toText: string, options: { alt?: boolean; fromAt?: number; toAt?: number } = {}) {
    const p = await this.dragPoints(fromText, toText, options.fromAt ?? 0.5, options.toAt ?? 0.5);
    if (options.alt) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(p.x1, p.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((p.x1 + p.x2) / 2, (p.y1 + p.y2) / 2, { steps: 4 });
    await this.page.mouse.move(p.x2, p.y2, { steps: 4 });
    await this.page.mouse.up();
    if (options.alt) await this.page.keyboard.up('Alt');
  }

  toolbar(): Locator {
    return this.page.getByRole('toolbar', { name: /^Tag/ });
  }

  /** A label's button on the tag toolbar; omitted: all of them. */
  toolbarButtons(label?: RegExp): Locator {
    return this.toolbar().getByRole('button', label && { name: label });
  }

  async tagWithToolbar(label: string): Promise<void> {
    await this.toolbarButtons(new RegExp(`^${label}`)).click();
  }

  /** The text of the current (snapped) selection, as the toolbar names it. */
  async selectedQuote(): Promise<string> {
    const name = await this.toolbar().getAttribute('aria-label');
    return /^Tag “(.*)” as$/s.exec(name ?? '')?.[1] ?? '';
  }

  /** The concatenated text of the segments that carry an annotation. */
  async highlightedText(annotationId: string): Promise<string> {
    return this.page.evaluate((id) => {
      return [...document.querySelectorAll<HTMLElement>('.reader-text [data-ids]')]
        .filter((el) => el.dataset.ids!.split(' ').includes(id))
        .map((el) => el.textContent)
        .join('');
    }, annotationId);
  }

  /** Scrolls the report's text to a fraction of its height (1: the end), as a user drags the scrollbar. */
  async scrollTo(fraction: number): Promise<void> {
    await this.page.locator('.reader-scroll').evaluate((el, f) => {
      el.scrollTop = Math.round((el.scrollHeight - el.clientHeight) * f);
    }, fraction);
  }

  /**
   * The text of the paragraph in the middle of the reader, once its window has loaded there
   * (just after a scroll the middle may still be a placeholder awaiting its window).
   */
  async middleParagraphText(): Promise<string> {
    let found = '';
    await expect.poll(async () => {
      found = await this.text().evaluate((el) => {
        const box = el.getBoundingClientRect();
        // Nearest the middle, stepping past the gap between two paragraphs.
        for (const dy of [0, 12, -12, 24, -24, 48, -48]) {
          const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2 + dy)?.closest('.block');
          if (hit) return hit.textContent ?? '';
        }
        return '';
      });
      return found;
    }, { message: 'a loaded paragraph in the middle of the reader' }).not.toBe('');
    return found;
  }

  /** The paragraph (block) with this text, once rendered. */
  paragraph(text: string): Locator {
    return this.blocks().filter({ hasText: text });
  }

  /** Back to the open report from another screen: its name in the top bar. */
  async backToReport(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: title }).click();
    await expect(this.text()).toBeVisible();
  }

  /** The stored id of the card with this quote (waiting while the new annotation is being saved). */
  async cardId(quote: string): Promise<string> {
    const card = this.card(quote);
    await expect(card).not.toHaveAttribute('aria-busy', 'true');
    const id = await card.getAttribute('data-annotation-id');
    if (!id || id.startsWith('pending:')) throw new Error(`no saved card for ${quote}`);
    return id;
  }
}
