// Counts a session's actions as issue 14 defines them: a click, a drag, a key press or a typed
// character each count 1 (choosing in a drop-down is 2: open it, pick). Every action of the
// session scripts goes through here; waiting for the app to answer is not an action.
import { expect, type Locator, type Page } from '@playwright/test';

export class ActionCounter {
  count = 0;
  /** What was done, for a failure's message: "click Link…", "type dor"… */
  readonly log: string[] = [];

  constructor(readonly page: Page) {}

  private note(cost: number, what: string) {
    this.count += cost;
    this.log.push(what);
  }

  async click(target: Locator, what = 'click'): Promise<void> {
    this.note(1, what);
    await target.click();
  }

  /** A drop-down by mouse: one click to open it, one to pick. */
  async choose(select: Locator, value: string): Promise<void> {
    this.note(2, `choose ${value}`);
    await select.selectOption(value);
  }

  async press(key: string): Promise<void> {
    this.note(1, key);
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.note(text.length, `type ${text}`);
    await this.page.keyboard.type(text);
  }

  /** A turn of the mouse wheel that brings the next text into view. */
  scrolled(): void {
    this.note(1, 'scroll');
  }

  /** A mouse drag between two points, as one action. */
  async drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
    this.note(1, 'drag');
    const mouse = this.page.mouse;
    await mouse.move(from.x, from.y);
    await mouse.down();
    await mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
    await mouse.move(to.x, to.y, { steps: 4 });
    await mouse.up();
  }

  /** Presses Tab until `target` has focus, each press counted; fails after `max`. */
  async tabTo(target: Locator, max = 40): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)).catch(() => false)) return;
      await this.press('Tab');
    }
    await expect(target).toBeFocused();
  }
}
