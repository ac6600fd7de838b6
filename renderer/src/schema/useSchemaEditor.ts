// The schema editor's state and every change it makes: each change runs, reports, and reloads
// the schema; changes that would touch data come back as a pending question.
import { useCallback, useEffect, useState } from 'react';
import type { Label } from '../../../shared/schemas';
import type { AnalysisSchema, LabelAttribute, SchemaImportOutcome } from '../../../shared/schemas-analysis';
import type { InUseDetails } from '../../../shared/errors';
import { call, inUseDetails, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import type { AttributeCommands } from './AttributeEditor';
import type { LabelDeletion } from './dialogs';
import { inUseText } from './in-use';
import type { LabelPatch } from './LabelRow';
import type { NewAttribute } from './NewAttributeForm';
import type { NewLabel } from './NewLabelForm';
import type { NewRelationType } from './NewRelationTypeForm';

type Pending =
  | { kind: 'delete-label'; label: Label; inUse: number }
  | { kind: 'rename-options'; attribute: LabelAttribute; options: string[]; renames: Record<string, string>; removed: string[]; inUse: InUseDetails }
  | { kind: 'confirm'; title: string; message: string; action: string; run(): Promise<void> }
  | { kind: 'imported'; outcome: SchemaImportOutcome };

/** Uses of each label, summed over the library. */
async function labelUsage(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const doc of await call('documents.list', {})) for (const [id, n] of Object.entries(doc.counts)) counts[id] = (counts[id] ?? 0) + n;
  return counts;
}

export function useSchemaEditor(onLabelsChanged: () => void) {
  const { notify } = useNotices();
  const [schema, setSchema] = useState<AnalysisSchema | null>(null);
  const [usage, setUsage] = useState<Record<string, number>>({});
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);

  const reload = useCallback(async () => {
    const [next, counts] = await Promise.all([call('schema.get', {}), labelUsage()]);
    setSchema(next);
    setUsage(counts);
    setSelectedId((id) => (next.labels.some((l) => l.id === id) ? id : (next.labels[0]?.id ?? null)));
  }, []);

  useEffect(() => {
    reload().catch((error) => notify(messageOf(error), 'error'));
  }, [reload, notify]);

  /** Runs a change, then reloads the schema; errors become notices. Returns whether it worked. */
  const change = useCallback(
    async (work: () => Promise<string | void>, labelsToo = true): Promise<boolean> => {
      try {
        const message = await work();
        if (message) notify(message);
        return true;
      } catch (error) {
        notify(messageOf(error), 'error');
        return false;
      } finally {
        await reload().catch((error) => notify(messageOf(error), 'error'));
        if (labelsToo) onLabelsChanged();
      }
    },
    [notify, reload, onLabelsChanged],
  );

  /** Deletes at once if nothing uses the thing; otherwise asks, and deletes it with its uses. */
  const deleteOrAsk = (what: { title: string; action: string }, tryDelete: () => Promise<string>, forceDelete: () => Promise<string>) =>
    change(async () => {
      try {
        return await tryDelete();
      } catch (error) {
        const inUse = inUseDetails(error);
        if (!inUse) throw error;
        setPending({
          kind: 'confirm',
          ...what,
          message: inUseText(inUse),
          run: () =>
            change(async () => {
              const message = await forceDelete();
              setPending(null);
              return message;
            }, false).then(() => undefined),
        });
      }
    }, false);

  const labels = schema?.labels ?? [];

  const moveLabel = (index: number, by: -1 | 1) => {
    const ids = labels.map((l) => l.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    void change(() => call('labels.reorder', { ids }).then(() => undefined)).then(() => {
      // Keep focus on the same arrow of the moved label, if it still has one.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-move="${id}:${by}"]:not(:disabled)`)?.focus());
    });
  };

  const updateLabel = (id: string, patch: LabelPatch, what: string) => change(() => call('labels.update', { id, ...patch }).then(() => what));

  const addLabel = (input: NewLabel) =>
    change(async () => {
      const created = await call('labels.create', input);
      setSelectedId(created.id);
      return `Added the label “${created.name}”.`;
    });

  const deleteLabel = (label: Label, choice: LabelDeletion) =>
    change(async () => {
      const outcome = await call('labels.delete', { id: label.id, ...choice });
      setPending(null);
      if (outcome.annotationsRelabeled) return `Deleted “${label.name}”; ${outcome.annotationsRelabeled} annotations relabeled.`;
      if (outcome.annotationsDeleted) return `Deleted “${label.name}” and ${outcome.annotationsDeleted} annotations.`;
      return `Deleted “${label.name}”.`;
    });

  const saveOptions = async (attribute: LabelAttribute, options: string[], renames: Record<string, string>) => {
    const removed = attribute.options.filter((o) => !options.includes(o) && !(o in renames));
    try {
      await call('attributes.update', { id: attribute.id, options, renameOptions: renames });
      setPending(null);
      notify(`Saved the options of “${attribute.name}”.`);
      await reload();
      return true;
    } catch (error) {
      const inUse = inUseDetails(error);
      if (inUse && removed.length > 0) setPending({ kind: 'rename-options', attribute, options, renames, removed, inUse });
      else notify(messageOf(error), 'error');
      return false;
    }
  };

  const attributeCommands: AttributeCommands = {
    rename: (attribute, name) => change(() => call('attributes.update', { id: attribute.id, name }).then(() => undefined), false),
    retype: (attribute, type) => change(() => call('attributes.update', { id: attribute.id, type }).then(() => undefined), false),
    saveOptions,
    remove: (attribute) =>
      void deleteOrAsk(
        { title: `Delete “${attribute.name}”?`, action: 'Delete attribute and values' },
        () => call('attributes.delete', { id: attribute.id }).then(() => `Deleted the attribute “${attribute.name}”.`),
        () =>
          call('attributes.delete', { id: attribute.id, discardValues: true }).then(
            (outcome) => `Deleted the attribute “${attribute.name}” and ${outcome.valuesDeleted} values.`,
          ),
      ),
  };

  const addAttribute = (label: Label, input: NewAttribute) =>
    change(async () => {
      const created = await call('attributes.create', { labelId: label.id, ...input });
      return `Added the attribute “${created.name}” to ${label.name}.`;
    }, false);

  const addRelationType = (input: NewRelationType) =>
    change(async () => {
      const created = await call('relationTypes.create', input);
      return `Added the relation type “${created.name}”.`;
    }, false);

  const deleteRelationType = (id: string, name: string) =>
    deleteOrAsk(
      { title: `Delete “${name}”?`, action: 'Delete type and relations' },
      () => call('relationTypes.delete', { id }).then(() => `Deleted the relation type “${name}”.`),
      () => call('relationTypes.delete', { id, deleteRelations: true }).then((outcome) => `Deleted the relation type “${name}” and ${outcome.relationsDeleted} relations.`),
    );

  const exportSchema = () =>
    change(async () => {
      const outcome = await call('schema.exportDialog', {});
      if (outcome.status === 'written') return `Schema saved to ${outcome.path}.`;
    }, false);

  const importSchema = async (file: File) => {
    let json: string;
    try {
      json = await file.text();
    } catch (error) {
      notify(`Could not read ${file.name}: ${messageOf(error)}`, 'error');
      return;
    }
    await change(async () => {
      const outcome = await call('schema.import', { json });
      setPending({ kind: 'imported', outcome });
    });
  };

  return {
    schema,
    usage,
    selectedId,
    select: setSelectedId,
    pending,
    ask: setPending,
    closePending: () => setPending(null),
    labelCommands: { move: moveLabel, update: updateLabel, add: addLabel, remove: deleteLabel },
    attributeCommands,
    addAttribute,
    relationTypeCommands: { add: addRelationType, remove: deleteRelationType },
    exportSchema,
    importSchema,
  };
}
