// The open document's analysis around its annotations: the label schema (attributes and relation
// types), attribute values, relations and resolved places. Changes go through the API and are
// recorded in the document's undo history with the annotation edits.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Relation } from '../../../shared/schemas/annotate';
import type { EventType, EventView } from '../../../shared/schemas/events';
import type { MapPlace, PlaceResolve } from '../../../shared/schemas/places';
import type { AnalysisSchema, AttributeValue, AttributeValues } from '../../../shared/schemas/schema';
import { call } from '../api';
import { historyFor, tokenStep } from './undo-history';

/** A resolved place as the reader shows it. */
export interface PlaceSummary {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  geonameid: number | null;
}

export interface Analysis {
  schema: AnalysisSchema | null;
  values: Readonly<Record<string, AttributeValues>>;
  relations: readonly Relation[];
  places: Readonly<Record<string, PlaceSummary>>;
  /** The document's events, in the order of their triggers. */
  events: readonly EventView[];
  /** The schema's event types with their roles. */
  eventTypes: readonly EventType[];
}

const empty: Analysis = { schema: null, values: {}, relations: [], places: {}, events: [], eventTypes: [] };

function placesByAnnotation(list: readonly MapPlace[]): Record<string, PlaceSummary> {
  const result: Record<string, PlaceSummary> = {};
  for (const place of list) {
    const summary = { name: place.name, country: place.country, lat: place.lat, lon: place.lon, geonameid: place.geonameid };
    for (const a of place.annotations) result[a.annotationId] = summary;
  }
  return result;
}

export function useAnalysis(documentId: string, onError: (error: unknown) => void) {
  const [analysis, setAnalysis] = useState<Analysis>(empty);
  const history = historyFor(documentId);

  /** Reloads what hangs off the annotations (after deletes and undos that change it wholesale). */
  const reload = useCallback(async () => {
    try {
      const [schema, values, relations, places, events, eventTypes] = await Promise.all([
        call('schema.get', {}),
        call('annotations.attributesForDocument', { documentId }),
        call('relations.listForDocument', { documentId }),
        call('places.list', { documentId }),
        call('events.listForDocument', { documentId }),
        call('eventTypes.list', {}),
      ]);
      setAnalysis({ schema, values, relations, places: placesByAnnotation(places), events, eventTypes });
    } catch (error) {
      onError(error);
    }
  }, [documentId, onError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const actions = useMemo(() => {
    const setValues = async (annotationId: string, values: Record<string, AttributeValue | null>) => {
      const stored = await call('annotations.setAttributes', { annotationId, values });
      setAnalysis((a) => ({ ...a, values: { ...a.values, [annotationId]: stored } }));
    };
    const putRelation = (relation: Relation) =>
      setAnalysis((a) => ({ ...a, relations: [...a.relations.filter((r) => r.id !== relation.id), relation] }));
    /** Puts back the place (or no place) the token kept; returns the token that reverses it. */
    const restorePlace = async (token: string | null): Promise<string | null> => {
      const restored = await call('places.restore', { token: token! });
      putPlace(restored.annotationId, restored.place);
      return restored.undoToken;
    };
    const dropRelation = (id: string) => setAnalysis((a) => ({ ...a, relations: a.relations.filter((r) => r.id !== id) }));
    const putPlace = (annotationId: string, place: PlaceSummary | null) =>
      setAnalysis((a) => {
        const places = { ...a.places };
        if (place) places[annotationId] = place;
        else delete places[annotationId];
        return { ...a, places };
      });

    return {
      reload,
      /** Replaces the events held (an event edit returns the event; undo may bring several back). */
      setEvents: (change: (events: readonly EventView[]) => readonly EventView[]) => setAnalysis((a) => ({ ...a, events: change(a.events) })),
      /** Sets one attribute (null clears it); undo puts the previous value back. */
      async setAttribute(annotationId: string, attributeId: string, value: AttributeValue | null, previous: AttributeValue | null) {
        await setValues(annotationId, { [attributeId]: value });
        history.push({
          kind: 'attribute',
          undo: () => setValues(annotationId, { [attributeId]: previous }),
          redo: () => setValues(annotationId, { [attributeId]: value }),
        });
      },
      async link(typeId: string, fromId: string, toId: string): Promise<Relation> {
        const relation = await call('relations.create', { typeId, fromId, toId });
        putRelation(relation);
        history.push(
          tokenStep(
            'link',
            null,
            async () => {
              const deleted = await call('relations.delete', { id: relation.id });
              dropRelation(deleted.id);
              return deleted.undoToken;
            },
            async (token) => {
              putRelation(await call('relations.restore', { token: token! }));
              return null;
            },
          ),
        );
        return relation;
      },
      async unlink(relation: Relation) {
        const deleted = await call('relations.delete', { id: relation.id });
        dropRelation(deleted.id);
        history.push(
          tokenStep(
            'unlink',
            deleted.undoToken,
            async (token) => {
              putRelation(await call('relations.restore', { token: token! }));
              return null;
            },
            async () => {
              const again = await call('relations.delete', { id: deleted.id });
              dropRelation(again.id);
              return again.undoToken;
            },
          ),
        );
      },
      async resolvePlace(request: PlaceResolve) {
        const place = await call('places.resolve', request);
        putPlace(place.annotationId, place);
        history.push(tokenStep('place', place.undoToken, restorePlace, restorePlace));
        return place;
      },
      async clearPlace(annotationId: string) {
        const cleared = await call('places.clear', { annotationId });
        if (!cleared) return;
        putPlace(annotationId, null);
        history.push(tokenStep('place-removal', cleared.undoToken, restorePlace, restorePlace));
      },
    };
  }, [history, reload]);

  return { analysis, actions };
}
