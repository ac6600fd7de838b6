// The undo history: steps move between done and undone only when their call succeeds.
import { describe, expect, it } from 'vitest';
import { UndoHistory, changesAnnotationSet, historyFor, stepMessage, tokenStep, undoStepNames, type UndoKind, type UndoStep } from '../../../renderer/src/state/undo-history';
import { shortQuote, undoTexts } from '../../../renderer/src/state/undo-messages';

function counter(kind: UndoKind = 'note') {
  const log: string[] = [];
  const step = (name: string): UndoStep => ({
    kind,
    undo: async () => void log.push(`undo ${name}`),
    redo: async () => void log.push(`redo ${name}`),
  });
  return { log, step };
}

describe('UndoHistory', () => {
  it('undoes newest first and redoes in the opposite order', async () => {
    const history = new UndoHistory();
    const { log, step } = counter();
    const one = step('one');
    const two = step('two');
    history.push(one);
    history.push(two);
    expect(await history.undo()).toBe(two);
    expect(await history.undo()).toBe(one);
    expect(await history.undo()).toBeNull();
    expect(await history.redo()).toBe(one);
    expect(log).toEqual(['undo two', 'undo one', 'redo one']);
    expect(history.last).toBe(one);
  });

  it('forgets what was undone once a new step is pushed', async () => {
    const history = new UndoHistory();
    const { step } = counter();
    history.push(step('one'));
    await history.undo();
    history.push(step('two'));
    expect(await history.redo()).toBeNull();
  });

  it('keeps a step in place when its undo fails', async () => {
    const history = new UndoHistory();
    const failing: UndoStep = { kind: 'tag', undo: () => Promise.reject(new Error('offline')), redo: async () => undefined };
    history.push(failing);
    await expect(history.undo()).rejects.toThrow('offline');
    expect(history.last).toBe(failing);
    expect(await history.redo()).toBeNull();
  });

  it('ignores an undo asked for while another is running', async () => {
    const history = new UndoHistory();
    let release!: () => void;
    const slow: UndoStep = { kind: 'delete', undo: () => new Promise<void>((r) => (release = r)), redo: async () => undefined };
    history.push({ kind: 'note', undo: async () => undefined, redo: async () => undefined });
    history.push(slow);
    const first = history.undo();
    expect(await history.undo()).toBeNull();
    release();
    expect(await first).toBe(slow);
  });

  it('replaces the newest step, to merge edits of one note', () => {
    const history = new UndoHistory();
    const { step } = counter();
    history.push(step('typed'));
    const merged = step('typed more');
    history.replaceLast(merged);
    expect(history.last).toBe(merged);
  });
});

describe('undo step kinds', () => {
  it('name every kind for the notice, and say which change the set of annotations', () => {
    expect(undoStepNames.tag).toBe('tagging');
    expect(undoStepNames['place-removal']).toBe('place removal');
    const changing = (Object.keys(undoStepNames) as UndoKind[]).filter(changesAnnotationSet);
    // A new event made on a selection tags its trigger, so its undo and redo change the set too.
    expect(changing.sort()).toEqual(['delete', 'event', 'tag', 'tag-all']);
  });
});

describe('historyFor', () => {
  it('keeps one history per document', () => {
    expect(historyFor('doc-a')).toBe(historyFor('doc-a'));
    expect(historyFor('doc-a')).not.toBe(historyFor('doc-b'));
  });
});

describe('tokenStep', () => {
  it('keeps the newest undo token: a delete’s token for its undo, the redo’s new token for the next undo', async () => {
    const history = new UndoHistory();
    const calls: string[] = [];
    let issued = 0;
    // A deletion: undo restores by the token it holds; redo deletes again, which gives a new token.
    history.push(
      tokenStep(
        'delete',
        'token-0',
        async (token) => {
          calls.push(`restore ${token}`);
          return null;
        },
        async () => {
          calls.push('delete');
          return `token-${++issued}`;
        },
      ),
    );
    await history.undo();
    await history.redo();
    await history.undo();
    expect(calls).toEqual(['restore token-0', 'delete', 'restore token-1']);
  });

  it('keeps the token it had when a move fails, so the step can be tried again', async () => {
    const history = new UndoHistory();
    let fail = true;
    const seen: (string | null)[] = [];
    const restore = async (token: string | null) => {
      seen.push(token);
      if (fail) throw new Error('expired');
      return `after-${token}`;
    };
    history.push(tokenStep('place', 'first', restore, restore));
    await expect(history.undo()).rejects.toThrow('expired');
    fail = false;
    await history.undo();
    await history.redo();
    expect(seen).toEqual(['first', 'first', 'after-first']);
  });
});

describe('what undo and redo say', () => {
  it('names the newest step once, only when it is of the kind the edit made', () => {
    const history = new UndoHistory();
    const { step } = counter('link');
    const made = step('link');
    history.push(made);
    history.describeLast('tag', undoTexts.tag('Claim', 'x'));
    expect(made.text).toBeUndefined();
    history.describeLast('link', undoTexts.link('Rebels said they had seized the river town', 'located at', 'Aleppo'));
    history.describeLast('link', undoTexts.link('other', 'located at', 'other'));
    expect(stepMessage(made, 'undo')).toBe('Removed the link “Rebels said they had seized…” located at “Aleppo”.');
    expect(stepMessage(made, 'redo')).toBe('Linked “Rebels said they had seized…” located at “Aleppo” again.');
  });

  it('falls back to the kind of step when nothing named it', () => {
    expect(stepMessage(counter('place').step('p'), 'undo')).toBe('Undid place.');
  });

  it('says which place was removed from which annotation', () => {
    expect(undoTexts.place('Aleppo', 'Aleppo').undone).toBe('Removed the place Aleppo from “Aleppo”.');
    expect(undoTexts.attribute('status', 'Dorsk has fallen', null, 'disputed').undone).toBe('Cleared the status of “Dorsk has fallen”.');
    expect(shortQuote('Rebels said they  had\nseized the river town of Dorsk')).toBe('“Rebels said they had seized…”');
  });
});
