// The schema editor's changes, built over its `change` runner: each calls the service, returns
// the notice to show, and asks first where the change would touch data.
import type { Label } from '../../../shared/schemas/schema';
import type { InUseDetails } from '../../../shared/errors';
import type { LabelAttribute, LabelWithAttributes, SchemaImportOutcome } from '../../../shared/schemas/schema';
import { call, inUseDetails, messageOf } from '../api';
import type { AttributeCommands } from './AttributeEditor';
import { inUseText } from './in-use';
import type { LabelCommands } from './LabelsSection';
import type { NewAttribute } from './NewAttributeForm';
import type { NewRelationType } from './NewRelationTypeForm';

/** A question the editor waits on, or a report it shows. */
export type Pending =
  | { kind: 'delete-label'; label: Label; inUse: number }
  | { kind: 'rename-options'; attribute: LabelAttribute; options: string[]; renames: Record<string, string>; removed: string[]; inUse: InUseDetails }
  | { kind: 'confirm'; title: string; message: string; action: string; run(): Promise<void> }
  | { kind: 'imported'; outcome: SchemaImportOutcome };

export interface EditorContext {
  labels: readonly LabelWithAttributes[];
  /** Runs a change, shows its message, reloads the schema; resolves to whether it worked. */
  change(work: () => Promise<string | void>, labelsToo?: boolean): Promise<boolean>;
  reload(): Promise<void>;
  notify(message: string, kind?: 'info' | 'error'): void;
  setPending(pending: Pending | null): void;
  select(id: string): void;
}

/** Deletes at once if nothing uses the thing; otherwise asks, and deletes it with its uses. */
function deleteOrAsk(ctx: EditorContext, question: { title: string; action: string }, tryDelete: () => Promise<string>, forceDelete: () => Promise<string>) {
  return ctx.change(async () => {
    try {
      return await tryDelete();
    } catch (error) {
      const inUse = inUseDetails(error);
      if (!inUse) throw error;
      ctx.setPending({
        kind: 'confirm',
        ...question,
        message: inUseText(inUse),
        run: () =>
          ctx
            .change(async () => {
              const message = await forceDelete();
              ctx.setPending(null);
              return message;
            }, false)
            .then(() => undefined),
      });
    }
  }, false);
}

export function labelCommands(ctx: EditorContext): LabelCommands {
  const { change } = ctx;
  return {
    move(index, by) {
      const ids = ctx.labels.map((l) => l.id);
      const [id] = ids.splice(index, 1);
      ids.splice(index + by, 0, id!);
      void change(() => call('labels.reorder', { ids }).then(() => undefined)).then(() => {
        // Keep focus on the same arrow of the moved label, if it still has one.
        requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move="${id}:${by}"]:not(:disabled)`)?.focus());
      });
    },
    update: (id, patch, what) => change(() => call('labels.update', { id, ...patch }).then(() => what)),
    add: (input) =>
      change(async () => {
        const created = await call('labels.create', input);
        ctx.select(created.id);
        return `Added the label “${created.name}”.`;
      }),
    remove: (label, choice) =>
      change(async () => {
        const outcome = await call('labels.delete', { id: label.id, ...choice });
        ctx.setPending(null);
        if (outcome.annotationsRelabeled) return `Deleted “${label.name}”; ${outcome.annotationsRelabeled} annotations relabeled.`;
        if (outcome.annotationsDeleted) return `Deleted “${label.name}” and ${outcome.annotationsDeleted} annotations.`;
        return `Deleted “${label.name}”.`;
      }),
  };
}

export function attributeCommands(ctx: EditorContext): AttributeCommands & { add(label: Label, input: NewAttribute): Promise<boolean> } {
  const { change } = ctx;
  const saveOptions = async (attribute: LabelAttribute, options: string[], renames: Record<string, string>) => {
    const removed = attribute.options.filter((o) => !options.includes(o) && !(o in renames));
    try {
      await call('attributes.update', { id: attribute.id, options, renameOptions: renames });
      ctx.setPending(null);
      ctx.notify(`Saved the options of “${attribute.name}”.`);
      await ctx.reload();
      return true;
    } catch (error) {
      const inUse = inUseDetails(error);
      if (inUse && removed.length > 0) ctx.setPending({ kind: 'rename-options', attribute, options, renames, removed, inUse });
      else ctx.notify(messageOf(error), 'error');
      return false;
    }
  };
  return {
    rename: (attribute, name) => change(() => call('attributes.update', { id: attribute.id, name }).then(() => undefined), false),
    retype: (attribute, type) => change(() => call('attributes.update', { id: attribute.id, type }).then(() => undefined), false),
    saveOptions,
    remove: (attribute) =>
      void deleteOrAsk(
        ctx,
        { title: `Delete “${attribute.name}”?`, action: 'Delete attribute and values' },
        () => call('attributes.delete', { id: attribute.id }).then(() => `Deleted the attribute “${attribute.name}”.`),
        () =>
          call('attributes.delete', { id: attribute.id, discardValues: true }).then(
            (outcome) => `Deleted the attribute “${attribute.name}” and ${outcome.valuesDeleted} values.`,
          ),
      ),
    add: (label, input) =>
      change(async () => {
        const created = await call('attributes.create', { labelId: label.id, ...input });
        return `Added the attribute “${created.name}” to ${label.name}.`;
      }, false),
  };
}

export function relationTypeCommands(ctx: EditorContext) {
  return {
    add: (input: NewRelationType) =>
      ctx.change(async () => {
        const created = await call('relationTypes.create', input);
        return `Added the relation type “${created.name}”.`;
      }, false),
    remove: (id: string, name: string) =>
      deleteOrAsk(
        ctx,
        { title: `Delete “${name}”?`, action: 'Delete type and relations' },
        () => call('relationTypes.delete', { id }).then(() => `Deleted the relation type “${name}”.`),
        () => call('relationTypes.delete', { id, deleteRelations: true }).then((outcome) => `Deleted the relation type “${name}” and ${outcome.relationsDeleted} relations.`),
      ),
  };
}
