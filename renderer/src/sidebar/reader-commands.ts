import type { AttributeValue, LabelAttribute } from '../../../shared/schemas/schema';
import type { Relation } from '../../../shared/schemas/annotate';
import type { EventArgumentView, EventView } from '../../../shared/schemas/events';
import type { ReaderAnnotation } from '../state/reader-annotation';

/** What the annotation list can ask the reader to do; built once per reader by useReaderCommands. */
export interface ReaderCommands {
  /** Shows the annotation in the text and selects it. */
  reveal(annotation: ReaderAnnotation): void;
  relabel(annotation: ReaderAnnotation, labelId: string): void;
  remove(annotation: ReaderAnnotation): void;
  setNote(annotation: ReaderAnnotation, note: string, mergeWithLast: boolean): Promise<void>;
  setAttribute(annotation: ReaderAnnotation, attribute: LabelAttribute, value: AttributeValue | null, previous: AttributeValue | null): void;
  /** Opens the Link dialog for the annotation. */
  startLink(annotation: ReaderAnnotation): void;
  unlink(relation: Relation): void;
  /** Opens the Place dialog for the annotation. */
  choosePlace(annotation: ReaderAnnotation): void;
  /** Hides or shows a label's annotations in the list. */
  toggleLabel(labelId: string): void;
  /** Opens the Add role dialog of the event. */
  startRole(event: EventView): void;
  removeRole(event: EventView, argument: EventArgumentView): void;
  /** Moves a role one place earlier (-1) or later (+1). */
  moveRole(event: EventView, argument: EventArgumentView, by: -1 | 1): void;
  changeEventType(event: EventView, labelId: string): void;
  removeEvent(event: EventView): void;
}
