// The label schema: labels (labels.ts, label-delete.ts), their typed attributes (attributes.ts)
// and what a value of each type may be (attribute-types.ts), relation types (relation-types.ts),
// and the schema file a team shares (schema-file.ts). Changes move data along or are refused;
// nothing annotations use is dropped silently. Channels: shared/channels/schema.ts.
import type { schemaChannels } from '../../../shared/channels/schema';
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { createAttribute, deleteAttribute, listAttributes, updateAttribute } from './attributes';
import { deleteLabel } from './label-delete';
import { createLabel, listLabels, reorderLabels, updateLabel } from './labels';
import { createRelationType, deleteRelationType, listRelationTypes } from './relation-types';
import { exportSchema, exportSchemaWithDialog, getSchema, importSchema } from './schema-file';

export function schemaHandlers(ctx: ServiceContext): Pick<Handlers, keyof typeof schemaChannels> {
  return {
    'schema.get': () => getSchema(ctx),
    'labels.list': () => listLabels(ctx),
    'labels.create': (input) => createLabel(ctx, input),
    'labels.update': (patch) => updateLabel(ctx, patch),
    'labels.reorder': ({ ids }) => reorderLabels(ctx, ids),
    'labels.delete': (request) => deleteLabel(ctx, request),
    'attributes.list': ({ labelId }) => listAttributes(ctx, labelId),
    'attributes.create': (input) => createAttribute(ctx, input),
    'attributes.update': (patch) => updateAttribute(ctx, patch),
    'attributes.delete': ({ id, discardValues }) => deleteAttribute(ctx, id, discardValues ?? false),
    'relationTypes.list': () => listRelationTypes(ctx),
    'relationTypes.create': (input) => createRelationType(ctx, input),
    'relationTypes.delete': ({ id, deleteRelations }) => deleteRelationType(ctx, id, deleteRelations ?? false),
    'schema.export': () => exportSchema(ctx),
    'schema.exportDialog': () => exportSchemaWithDialog(ctx),
    'schema.import': ({ json }) => importSchema(ctx, json),
  };
}
