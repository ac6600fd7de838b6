// The reader's edits of events, by mouse and keyboard: each runs, names its undo step in words
// ("Removed the actor “Rebels” from the event “shelled”."), and tells screen readers what happened.
import { useCallback, useMemo } from 'react';
import type { EventArgumentView, EventView } from '../../../shared/schemas/events';
import type { Analysis } from '../state/useAnalysis';
import type { ReaderAnnotation } from '../state/reader-annotation';
import type { UndoHistory } from '../state/undo-history';
import { shortQuote, undoTexts } from '../state/undo-messages';
import type { EventActions } from '../state/useEventActions';
import type { EditRunner } from './useAnalysisEdits';
import type { EventRequest, ReaderView } from './useReaderView';

export interface EventCommands {
  /** Creates the event the New Event dialog asked for. */
  create(labelId: string, request: EventRequest): void;
  addRole(eventId: string, role: string, target: ReaderAnnotation): void;
  removeRole(event: EventView, argument: EventArgumentView): void;
  /** Moves a role one place earlier (-1) or later (+1). */
  moveRole(event: EventView, argument: EventArgumentView, by: -1 | 1): void;
  changeType(event: EventView, labelId: string): void;
  remove(event: EventView): void;
  /** Opens the Add role dialog of the event. */
  startRole(event: EventView): void;
}

export function useEventEdits(actions: EventActions, analysis: Analysis, { run, view, history }: { run: EditRunner; view: ReaderView; history: UndoHistory }): EventCommands {
  const { setEventFor, setRoleFor, setPicking, setSelectedId } = view;
  const typeName = useCallback((labelId: string) => analysis.eventTypes.find((t) => t.labelId === labelId)?.name ?? 'event', [analysis.eventTypes]);
  const eventById = useCallback((id: string) => analysis.events.find((e) => e.id === id), [analysis.events]);

  const create = useCallback(
    (labelId: string, request: EventRequest) =>
      void run(async () => {
        setEventFor(null);
        const event = await actions.create(labelId, request.trigger);
        history.describeLast('event', undoTexts.event(typeName(labelId), event.trigger.quote));
        setSelectedId(event.trigger.id);
        return `Created the ${typeName(labelId)} event ${shortQuote(event.trigger.quote)}. Add its roles from its card in the Events list.`;
      }),
    [actions, run, history, typeName, setEventFor, setSelectedId],
  );
  const addRole = useCallback(
    (eventId: string, role: string, target: ReaderAnnotation) =>
      void run(async () => {
        setRoleFor(null);
        setPicking(null);
        const event = eventById(eventId);
        if (!event) return;
        await actions.addRole(event, role, { annotationId: target.id });
        history.describeLast('role', undoTexts.role(role, target.quote, event.trigger.quote));
        return `${shortQuote(target.quote)} is the ${role} of the event ${shortQuote(event.trigger.quote)}.`;
      }),
    [actions, run, history, eventById, setRoleFor, setPicking],
  );
  const removeRole = useCallback(
    (event: EventView, argument: EventArgumentView) =>
      void run(async () => {
        await actions.removeRole(event, argument);
        history.describeLast('role-removal', undoTexts.roleRemoval(argument.role, argument.span.quote, event.trigger.quote));
        return `Removed the ${argument.role} ${shortQuote(argument.span.quote)}.`;
      }),
    [actions, run, history],
  );
  const moveRole = useCallback(
    (event: EventView, argument: EventArgumentView, by: -1 | 1) =>
      void run(async () => {
        const to = argument.position + by;
        if (to < 0 || to >= event.arguments.length) return;
        await actions.moveRole(event, argument.position, to);
        history.describeLast('role-order', undoTexts.roleOrder(argument.role, event.trigger.quote));
        return `Moved the ${argument.role} to place ${to + 1} of ${event.arguments.length}.`;
      }),
    [actions, run, history],
  );
  const changeType = useCallback(
    (event: EventView, labelId: string) =>
      void run(async () => {
        await actions.changeType(event, labelId);
        history.describeLast('event-type', undoTexts.eventType(event.trigger.quote, typeName(event.labelId), typeName(labelId)));
        return `The event is a ${typeName(labelId)} now.`;
      }),
    [actions, run, history, typeName],
  );
  const remove = useCallback(
    (event: EventView) =>
      void run(async () => {
        await actions.remove(event);
        history.describeLast('event-removal', undoTexts.eventRemoval(typeName(event.labelId), event.trigger.quote));
        return `Deleted the ${typeName(event.labelId)} event ${shortQuote(event.trigger.quote)}; its trigger stays.`;
      }),
    [actions, run, history, typeName],
  );
  return useMemo(
    () => ({ create, addRole, removeRole, moveRole, changeType, remove, startRole: (event: EventView) => setRoleFor(event.id) }),
    [create, addRole, removeRole, moveRole, changeType, remove, setRoleFor],
  );
}
