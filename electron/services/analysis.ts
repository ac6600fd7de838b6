// Handlers of the analysis channels (shared/channels/analysis.ts).
import type { analysisChannels } from '../../shared/channels/analysis';
import { ensureGazetteer } from '../gazetteer/gazetteer';
import { getValues, setValues, valuesForDocument } from './attribute-values';
import { claimsTable } from './claims';
import type { ServiceContext } from './context';
import type { Handlers } from './handlers';
import {
  createAttribute,
  createLabel,
  deleteAttribute,
  deleteLabel,
  getSchema,
  listAttributes,
  reorderLabels,
  updateAttribute,
  updateLabel,
} from './label-schema';
import { clearPlace, getPlace, listMapPlaces, placeCandidates, resolvePlace, restorePlace } from './places';
import {
  createRelation,
  createRelationType,
  deleteRelation,
  deleteRelationType,
  listRelationTypes,
  listRelationsForDocument,
  restoreRelation,
} from './relations';
import { exportSchema, exportSchemaWithDialog, importSchema } from './schema-file';

export type AnalysisChannel = keyof typeof analysisChannels;

export function analysisHandlers(ctx: ServiceContext): Pick<Handlers, AnalysisChannel> {
  return {
    'schema.get': () => getSchema(ctx),
    'labels.create': (input) => createLabel(ctx, input),
    'labels.update': (patch) => updateLabel(ctx, patch),
    'labels.reorder': ({ ids }) => reorderLabels(ctx, ids),
    'labels.delete': (request) => deleteLabel(ctx, request),
    'attributes.list': ({ labelId }) => listAttributes(ctx, labelId),
    'attributes.create': (input) => createAttribute(ctx, input),
    'attributes.update': (patch) => updateAttribute(ctx, patch),
    'attributes.delete': ({ id, discardValues }) => deleteAttribute(ctx, id, discardValues ?? false),
    'annotations.getAttributes': ({ annotationId }) => getValues(ctx, annotationId),
    'annotations.setAttributes': ({ annotationId, values }) => setValues(ctx, annotationId, values),
    'annotations.attributesForDocument': ({ documentId }) => valuesForDocument(ctx, documentId),
    'relationTypes.list': () => listRelationTypes(ctx),
    'relationTypes.create': (input) => createRelationType(ctx, input),
    'relationTypes.delete': ({ id, deleteRelations }) => deleteRelationType(ctx, id, deleteRelations ?? false),
    'relations.listForDocument': ({ documentId }) => listRelationsForDocument(ctx, documentId),
    'relations.create': (input) => createRelation(ctx, input),
    'relations.delete': ({ id }) => deleteRelation(ctx, id),
    'relations.restore': (relation) => restoreRelation(ctx, relation),
    // The gazetteer loads in slices on first use, so the window stays responsive meanwhile.
    'places.candidates': async ({ annotationId, query, limit }) => {
      await ensureGazetteer();
      return placeCandidates(ctx, annotationId, query, limit);
    },
    'places.get': ({ annotationId }) => getPlace(ctx, annotationId),
    'places.resolve': async (request) => {
      if (!('lat' in request)) await ensureGazetteer();
      return resolvePlace(ctx, request);
    },
    'places.clear': ({ annotationId }) => clearPlace(ctx, annotationId),
    'places.restore': (place) => restorePlace(ctx, place),
    'places.list': ({ documentId }) => listMapPlaces(ctx, documentId),
    'claims.table': (query) => claimsTable(ctx, query),
    'schema.export': () => exportSchema(ctx),
    'schema.exportDialog': () => exportSchemaWithDialog(ctx),
    'schema.import': ({ json }) => importSchema(ctx, json),
  };
}
