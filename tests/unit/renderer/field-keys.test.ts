// @vitest-environment jsdom
// Text fields keep their own undo, redo and paste keys; the app's commands do not take them.
import { afterEach, describe, expect, it } from 'vitest';
import { belongsToField, isTextField } from '../../../renderer/src/shortcuts';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isTextField', () => {
  it('is true inside inputs, text areas, selects and editable elements', () => {
    document.body.innerHTML = '<input id="i"><textarea id="t"></textarea><select id="s"></select><div contenteditable="true"><b id="e">x</b></div><div contenteditable="false"><b id="n">x</b></div><p id="p">text</p>';
    const el = (id: string) => document.getElementById(id);
    expect(['i', 't', 's', 'e'].map((id) => isTextField(el(id)))).toEqual([true, true, true, true]);
    expect(isTextField(el('n'))).toBe(false);
    expect(isTextField(el('p'))).toBe(false);
    expect(isTextField(null)).toBe(false);
    expect(isTextField(window)).toBe(false);
  });
});

describe('belongsToField', () => {
  it('leaves undo, redo and paste-as-import to a focused field, and nothing else', () => {
    document.body.innerHTML = '<textarea id="note"></textarea><p id="text">report</p>';
    const note = document.getElementById('note');
    const text = document.getElementById('text');
    expect(belongsToField('undo', note)).toBe(true);
    expect(belongsToField('redo', note)).toBe(true);
    expect(belongsToField('import-clipboard', note)).toBe(true);
    expect(belongsToField('import', note)).toBe(false);
    expect(belongsToField('show-map', note)).toBe(false);
    expect(belongsToField('undo', text)).toBe(false);
    expect(belongsToField('import-clipboard', text)).toBe(false);
  });
});
