// Page object for analysts and layers: the profile dialog, the reader's layer chooser and the
// compare view of two to five layers.
import { expect, type Locator, type Page } from '@playwright/test';

export class LayersPage {
  constructor(readonly page: Page) {}

  profileDialog(): Locator {
    return this.page.getByRole('dialog', { name: /Who is annotating\?|Analyst profile/ });
  }

  nameField(): Locator {
    return this.profileDialog().getByLabel('Your name');
  }

  async saveName(name: string): Promise<void> {
    await this.nameField().fill(name);
    await this.profileDialog().getByRole('button', { name: 'Save' }).click();
  }

  bar(): Locator {
    return this.page.getByRole('group', { name: 'Layers' });
  }

  layerChoice(): Locator {
    return this.bar().getByRole('combobox', { name: 'Layer', exact: true });
  }

  compareChoice(): Locator {
    return this.bar().getByRole('group', { name: 'Compare with' });
  }

  readOnlyNotice(): Locator {
    return this.bar().getByRole('status');
  }

  /** Shows the layer whose option starts with `name` (an analyst's name, "My layer", "Gold"). */
  async show(name: string): Promise<void> {
    await this.layerChoice().selectOption({ label: await this.optionLabel(this.layerChoice(), name) });
  }

  /** Adds the layer whose name starts with `name` to the comparison. */
  async compareWith(name: string): Promise<void> {
    await this.compareChoice().getByRole('checkbox', { name: new RegExp(`^${name}`) }).check();
  }

  async stopComparing(): Promise<void> {
    const boxes = this.compareChoice().getByRole('checkbox', { checked: true });
    // A click, then the count: unticking reopens the report, so the box clicked is replaced by a
    // new one (uncheck() would wait on the old box's state, or for a ticked box that never comes).
    for (let left = await boxes.count(); left > 0; left--) {
      await boxes.first().click();
      await expect(boxes).toHaveCount(left - 1);
    }
  }

  /** The difference the compare view is at (N, Shift+N, Next/Previous difference). */
  currentDifference(): Locator {
    return this.compareView().locator('mark.diff[aria-current="true"]');
  }

  compareView(): Locator {
    return this.page.getByRole('region', { name: 'Compare layers' });
  }

  compareSummary(): Locator {
    return this.compareView().getByRole('status');
  }

  /** The column of one analyst's layer in the compare view. */
  column(name: string): Locator {
    return this.compareView().getByRole('article', { name: `${name}’s layer` });
  }

  differences(name: string): Locator {
    return this.column(name).locator('mark.diff');
  }

  private async optionLabel(select: Locator, startsWith: string): Promise<string> {
    const labels = await select.locator('option').allTextContents();
    const found = labels.find((l) => l.startsWith(startsWith));
    if (!found) throw new Error(`no option starting with "${startsWith}" (options: ${labels.join(' | ')})`);
    return found;
  }
}
