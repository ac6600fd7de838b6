// Page object for "Labels & schema": labels, their attributes and options, relation types, and
// the schema file.
import { type Locator, type Page } from '@playwright/test';
import { showScreen } from './navigation';

export class SchemaPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await showScreen(this.page, 'Labels', 'Labels & schema');
  }

  labelRows(): Locator {
    return this.page.getByRole('list', { name: 'Labels' }).getByRole('listitem');
  }

  newLabelForm(): Locator {
    return this.page.getByRole('form', { name: 'New label' });
  }

  newLabelName(): Locator {
    return this.newLabelForm().getByRole('textbox', { name: 'New label name' });
  }

  newLabelHotkey(): Locator {
    return this.newLabelForm().getByRole('textbox', { name: 'Hotkey of the new label' });
  }

  addLabelButton(): Locator {
    return this.newLabelForm().getByRole('button', { name: 'Add label' });
  }

  nameField(label: string): Locator {
    return this.page.getByRole('textbox', { name: `Name of ${label}` });
  }

  colorField(label: string): Locator {
    return this.page.getByLabel(`Color of ${label}`);
  }

  moveUpButton(label: string): Locator {
    return this.page.getByRole('button', { name: `Move ${label} up` });
  }

  /** Opens the attributes of a label from its row ("n attributes"). */
  async showAttributesOf(label: string): Promise<void> {
    await this.labelRows()
      .filter({ has: this.nameField(label) })
      .getByText(/attributes?$/)
      .click();
  }

  attributesHeading(label: string): Locator {
    return this.page.getByRole('heading', { name: `Attributes of ${label}` });
  }

  /** The attributes of the label on show; `label` omitted: whichever label that is. */
  attributes(label?: string): Locator {
    return this.page.getByRole('list', { name: label ? `Attributes of ${label}` : /^Attributes of/ });
  }

  attribute(name: string, label?: string): Locator {
    return this.attributes(label).getByRole('listitem', { name });
  }

  async addAttribute(label: string, attribute: { name: string; type: string; options?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: `New attribute for ${label}` });
    await form.getByRole('textbox', { name: 'Attribute name' }).fill(attribute.name);
    await form.getByRole('combobox', { name: 'Attribute type' }).selectOption(attribute.type);
    if (attribute.options !== undefined) await form.getByRole('textbox', { name: 'Attribute options' }).fill(attribute.options);
    await form.getByRole('button', { name: 'Add attribute' }).click();
  }

  /** The text fields of an attribute's options ("Option n of <attribute>"). */
  optionFields(attribute: string): Locator {
    return this.attribute(attribute).getByRole('textbox', { name: new RegExp(`^Option \\d of ${attribute}$`) });
  }

  optionField(attribute: string, n: number): Locator {
    return this.attribute(attribute).getByRole('textbox', { name: `Option ${n} of ${attribute}` });
  }

  async removeOption(attribute: string, option: string): Promise<void> {
    await this.attribute(attribute).getByRole('button', { name: `Remove option ${option}`, exact: true }).click();
  }

  async saveOptions(attribute: string): Promise<void> {
    await this.attribute(attribute).getByRole('button', { name: 'Save options' }).click();
  }

  /** Asks where the values of removed options in use go. */
  optionsInUseDialog(attribute: string): Locator {
    return this.page.getByRole('dialog', { name: `Options of “${attribute}” in use` });
  }

  async moveValuesTo(attribute: string, option: string): Promise<void> {
    const dialog = this.optionsInUseDialog(attribute);
    await dialog.getByRole('combobox').selectOption(option);
    await dialog.getByRole('button', { name: 'Move values and save' }).click();
  }

  relationTypes(): Locator {
    return this.page.getByRole('list', { name: 'Relation types' });
  }

  /** A relation type's entry, "name: From → To"; omitted: every one. */
  relationType(name?: string): Locator {
    const entries = this.relationTypes().getByRole('listitem');
    return name ? entries.filter({ hasText: name }) : entries;
  }

  async addRelationType(name: string, from: string, to: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New relation type' });
    await form.getByRole('textbox', { name: 'Relation type name' }).fill(name);
    await form.getByRole('combobox', { name: 'From label' }).selectOption({ label: from });
    await form.getByRole('combobox', { name: 'To label' }).selectOption({ label: to });
    await form.getByRole('button', { name: 'Add relation type' }).click();
  }

  async deleteRelationType(name: string): Promise<void> {
    await this.relationTypes().getByRole('button', { name: `Delete relation type ${name}` }).click();
  }

  deleteLabelButton(label: string): Locator {
    return this.page.getByRole('button', { name: `Delete label ${label}` });
  }

  deleteLabelDialog(label: string): Locator {
    return this.page.getByRole('dialog', { name: `Delete the label “${label}”?` });
  }

  /** In the open delete dialog: move the annotations to another label, and delete. */
  async relabelAndDelete(label: string, target: string): Promise<void> {
    const dialog = this.deleteLabelDialog(label);
    await dialog.getByRole('radio', { name: /Relabel them/ }).check();
    await dialog.getByRole('combobox', { name: 'New label' }).selectOption({ label: target });
    await dialog.getByRole('button', { name: 'Delete label' }).click();
  }

  async exportSchema(): Promise<void> {
    await this.page.getByRole('button', { name: 'Export schema…' }).click();
  }

  async importSchema(file: string): Promise<void> {
    await this.page.getByLabel('Import schema').setInputFiles(file);
  }

  importOutcome(): Locator {
    return this.page.getByRole('dialog', { name: 'Schema imported' });
  }

  async closeImportOutcome(): Promise<void> {
    await this.importOutcome().getByRole('button', { name: 'Close' }).click();
  }
}
