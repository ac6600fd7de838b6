// Undo and redo of annotation edits. Each step knows how to undo and redo itself through the
// API; a step whose call fails stays where it was, so history never claims what did not happen.

/** What a step changed: code branches on this, never on the words shown. */
export type UndoKind =
  | 'tag'
  | 'tag-all'
  | 'delete'
  | 'relabel'
  | 'note'
  | 'attribute'
  | 'link'
  | 'unlink'
  | 'place'
  | 'place-removal'
  | 'event'
  | 'event-removal'
  | 'event-type'
  | 'role'
  | 'role-removal'
  | 'role-order';

/** How each kind of step is named in "Undid …" / "Redid …". */
export const undoStepNames: Record<UndoKind, string> = {
  tag: 'tagging',
  'tag-all': 'tagging of every match',
  delete: 'deletion',
  relabel: 'label change',
  note: 'note edit',
  attribute: 'attribute change',
  link: 'link',
  unlink: 'unlink',
  place: 'place',
  'place-removal': 'place removal',
  event: 'new event',
  'event-removal': 'event deletion',
  'event-type': 'event type change',
  role: 'role',
  'role-removal': 'role removal',
  'role-order': 'role order',
};

/** Undoing or redoing these adds or removes an annotation, and with it its values, links and place (a new event may have tagged its trigger). */
export function changesAnnotationSet(kind: UndoKind): boolean {
  return kind === 'tag' || kind === 'tag-all' || kind === 'delete' || kind === 'event';
}

/** What undoing and redoing a step did, in words that name the annotation ("Removed the Location “Aleppo”."). */
export interface UndoText {
  undone: string;
  redone: string;
}

export interface UndoStep {
  kind: UndoKind;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Set by the screen that made the step, which knows the labels and quotes. */
  text?: UndoText;
}

/** The message after undoing or redoing a step: its own words, else the kind's name. */
export function stepMessage(step: UndoStep, kind: 'undo' | 'redo'): string {
  if (step.text) return kind === 'undo' ? step.text.undone : step.text.redone;
  return `${kind === 'undo' ? 'Undid' : 'Redid'} ${undoStepNames[step.kind]}.`;
}

/**
 * A step that undoes and redoes through undo tokens: main keeps what a delete removed, the page
 * only the token that brings it back. Each move returns the token the next move needs (a delete
 * returns a new one, a restore of a place returns the one that reverses it) or null.
 */
export function tokenStep(
  kind: UndoKind,
  token: string | null,
  undo: (token: string | null) => Promise<string | null>,
  redo: (token: string | null) => Promise<string | null>,
): UndoStep {
  let current = token;
  return {
    kind,
    undo: async () => {
      current = await undo(current);
    },
    redo: async () => {
      current = await redo(current);
    },
  };
}

export class UndoHistory {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];
  private busy = false;

  push(step: UndoStep): void {
    this.done.push(step);
    this.undone = [];
  }

  /** Replaces the newest step (to merge successive edits of one note into one step). */
  replaceLast(step: UndoStep): void {
    this.done[this.done.length - 1] = step;
  }

  /** Names the newest step, when it is of this kind and not named yet (the edit that made it has just returned). */
  describeLast(kind: UndoKind, text: UndoText): void {
    const step = this.last;
    if (step && step.kind === kind && !step.text) step.text = text;
  }

  get last(): UndoStep | undefined {
    return this.done[this.done.length - 1];
  }

  /** Returns the step undone, or null when there was nothing to undo. */
  async undo(): Promise<UndoStep | null> {
    return this.move(this.done, this.undone, (step) => step.undo());
  }

  async redo(): Promise<UndoStep | null> {
    return this.move(this.undone, this.done, (step) => step.redo());
  }

  private async move(from: UndoStep[], to: UndoStep[], run: (step: UndoStep) => Promise<void>): Promise<UndoStep | null> {
    const step = from[from.length - 1];
    if (!step || this.busy) return null;
    this.busy = true;
    try {
      await run(step);
      from.pop();
      to.push(step);
      return step;
    } finally {
      this.busy = false;
    }
  }
}

const histories = new Map<string, UndoHistory>();

/** One history per document, kept while the app runs. */
export function historyFor(documentId: string): UndoHistory {
  let history = histories.get(documentId);
  if (!history) {
    history = new UndoHistory();
    histories.set(documentId, history);
  }
  return history;
}
