// The open document's analysis around its annotations: the label schema (attributes and relation
// types), attribute values, relations and resolved places. Changes go through the API and are
// recorded in the document's undo history with the annotation edits.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Relation } from '../../../shared/schemas/annotate';
import type { MapPlace, PlaceResolve } from '../../../shared/schemas/places';
import type { AnalysisSchema, AttributeValue, AttributeValues } from '../../../shared/schemas/schema';
import { call } from '../api';
import { historyFor } from './undo-history';

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
}

const empty: Analysis = { schema: null, values: {}, relations: [], places: {} };

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
      const [schema, values, relations, places] = await Promise.all([
        call('schema.get', {}),
        call('annotations.attributesForDocument', { documentId }),
        call('relations.listForDocument', { documentId }),
        call('places.list', { documentId }),
      ]);
      setAnalysis({ schema, values, relations, places: placesByAnnotation(places) });
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
        history.push({
          kind: 'link',
          undo: async () => dropRelation((await call('relations.delete', { id: relation.id })).id),
          redo: async () => putRelation(await call('relations.restore', relation)),
        });
        return relation;
      },
      async unlink(relation: Relation) {
        const deleted = await call('relations.delete', { id: relation.id });
        dropRelation(deleted.id);
        history.push({
          kind: 'unlink',
          undo: async () => putRelation(await call('relations.restore', deleted)),
          redo: async () => dropRelation((await call('relations.delete', { id: deleted.id })).id),
        });
      },
      async resolvePlace(request: PlaceResolve) {
        const previous = await call('places.get', { annotationId: request.annotationId });
        const place = await call('places.resolve', request);
        putPlace(place.annotationId, place);
        const restorePrevious = async () => {
          if (previous) putPlace(previous.annotationId, await call('places.restore', previous));
          else {
            await call('places.clear', { annotationId: request.annotationId });
            putPlace(request.annotationId, null);
          }
        };
        history.push({
          kind: 'place',
          undo: restorePrevious,
          redo: async () => putPlace(place.annotationId, await call('places.restore', place)),
        });
      },
      async clearPlace(annotationId: string) {
        const cleared = await call('places.clear', { annotationId });
        if (!cleared) return;
        putPlace(annotationId, null);
        history.push({
          kind: 'place-removal',
          undo: async () => putPlace(annotationId, await call('places.restore', cleared)),
          redo: async () => {
            await call('places.clear', { annotationId });
            putPlace(annotationId, null);
          },
        });
      },
    };
  }, [history, reload]);

  return { analysis, actions };
}
