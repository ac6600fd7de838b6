// The schema editor's state and every change it makes: each change runs, reports, and reloads
// the schema; changes that would touch data come back as a pending question.
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisSchema } from '../../../shared/schemas/schema';
import { call, messageOf } from '../api';
import { useNotices } from '../components/Notices';
import { attributeCommands, labelCommands, relationTypeCommands, type EditorContext, type Pending } from './schema-commands';

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

  const ctx: EditorContext = { labels: schema?.labels ?? [], change, reload, notify, setPending, select: setSelectedId };
  const attributes = attributeCommands(ctx);

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
    labelCommands: labelCommands(ctx),
    attributeCommands: attributes,
    addAttribute: attributes.add,
    relationTypeCommands: relationTypeCommands(ctx),
    exportSchema,
    importSchema,
  };
}
