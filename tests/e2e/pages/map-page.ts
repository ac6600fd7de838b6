// Page object for the map: the points of resolved places, the scope, and the spans at a place.
import { type Locator, type Page } from '@playwright/test';
import { showScreen } from './navigation';

export class MapPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Map', 'Map');
  }

  /** The map itself: focusable, with a button per place. */
  map(): Locator {
    return this.page.getByRole('group', { name: /^World map/ });
  }

  /** The point of a place, named "<place>: n spans". */
  point(name: RegExp): Locator {
    return this.map().getByRole('button', { name });
  }

  points(): Locator {
    return this.map().getByRole('button');
  }

  /** The drawn size of a place's point. */
  async radius(name: RegExp): Promise<number> {
    return Number(await this.point(name).locator('circle').getAttribute('r'));
  }

  scope(name: 'All reports' | 'This report'): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** The outline of the countries, drawn from the bundled atlas. */
  async landOutline(): Promise<string> {
    return (await this.page.locator('.map-land').getAttribute('d')) ?? '';
  }

  tooltip(): Locator {
    return this.page.locator('.map-tip');
  }

  /** The zoom and pan of the map, as its SVG transform. */
  transform(): Promise<string | null> {
    return this.page.locator('.world-map > g').first().getAttribute('transform');
  }

  /** The list of resolved places beside the map (a click centres the place). */
  placeInList(name: RegExp): Locator {
    return this.page.getByRole('list', { name: 'Resolved places' }).getByRole('button', { name });
  }

  /** The list of spans at the chosen place. */
  spansAt(place: string): Locator {
    return this.page.getByRole('list', { name: `Spans at ${place}` });
  }

  /** Each span at the place: its quote, report and label. */
  spanEntries(place: string): Locator {
    return this.spansAt(place).getByRole('listitem');
  }

  /** The buttons that open a span's report at it. */
  spanButtons(place: string): Locator {
    return this.spansAt(place).getByRole('button');
  }

  async zoomIn(): Promise<void> {
    // Exact: a cluster's name ends in "Zoom in" too.
    await this.page.getByRole('button', { name: 'Zoom in', exact: true }).click();
  }
}
