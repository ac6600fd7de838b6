import { useEffect, useRef } from 'react';
import type { Label } from '../../../shared/schemas/schema';
import type { PlaceResolve } from '../../../shared/schemas/places';
import type { Analysis } from '../state/useAnalysis';
import type { DocumentWindow } from '../state/document-window';
import type { ReaderAnnotation } from '../state/reader-annotation';
import { LinkDialog } from './LinkDialog';
import { PlaceDialog } from './PlaceDialog';
import { NewEventDialog } from './NewEventDialog';
import { RoleDialog } from './RoleDialog';
import type { EventCommands } from './useEventEdits';
import type { ReaderView } from './useReaderView';

interface ReaderDialogsProps {
  view: ReaderView;
  window: DocumentWindow;
  labels: readonly Label[];
  analysis: Analysis;
  link(typeId: string, from: ReaderAnnotation, to: ReaderAnnotation): void;
  resolvePlace(request: PlaceResolve): void;
  clearPlace(annotationId: string): void;
  events: EventCommands;
}

/** The Link dialog (or picking the target in the text), the Place dialog, New Event and Add role, when open. */
export function ReaderDialogs({ view, window, labels, analysis, link, resolvePlace, clearPlace, events }: ReaderDialogsProps) {
  const { linkFrom, placeFor, eventFor, roleFor } = view;
  const roleEvent = roleFor ? analysis.events.find((e) => e.id === roleFor) : undefined;
  // A dialog taken out of the page leaves focus nowhere: it goes back to the text, where keys work.
  const open = linkFrom !== null || placeFor !== null || eventFor !== null || roleFor !== null;
  const wasOpen = useRef(open);
  useEffect(() => {
    const active = document.activeElement;
    if (wasOpen.current && !open && (active === null || active === document.body)) view.textRef.current?.focus();
    wasOpen.current = open;
  }, [open, view.textRef]);
  return (
    <>
      {linkFrom && analysis.schema && (
        <LinkDialog
          from={linkFrom}
          relationTypes={analysis.schema.relationTypes}
          labels={labels}
          window={window}
          linked={new Set(analysis.relations.filter((r) => r.fromId === linkFrom.id).map((r) => `${r.typeId} ${r.toId}`))}
          onLink={(typeId, to) => link(typeId, linkFrom, to)}
          onPickInText={(typeId) => {
            view.setPicking({ from: linkFrom, typeId });
            view.setLinkFrom(null);
          }}
          onClose={() => view.setLinkFrom(null)}
        />
      )}
      {placeFor && (
        <PlaceDialog
          annotation={placeFor}
          current={analysis.places[placeFor.id]}
          onResolve={resolvePlace}
          onClear={() => clearPlace(placeFor.id)}
          onClose={() => view.setPlaceFor(null)}
        />
      )}
      {eventFor && <NewEventDialog request={eventFor} eventTypes={analysis.eventTypes} onCreate={(labelId) => events.create(labelId, eventFor)} onClose={() => view.setEventFor(null)} />}
      {roleEvent && (
        <RoleDialog
          event={roleEvent}
          type={analysis.eventTypes.find((t) => t.labelId === roleEvent.labelId)}
          labels={labels}
          window={window}
          onAdd={(role, target) => events.addRole(roleEvent.id, role, target)}
          onPickInText={(role) => {
            view.setPicking({ kind: 'role', from: { ...roleEvent.trigger, documentId: roleEvent.documentId, note: '' }, eventId: roleEvent.id, role });
            view.setRoleFor(null);
          }}
          onClose={() => view.setRoleFor(null)}
        />
      )}
    </>
  );
}
