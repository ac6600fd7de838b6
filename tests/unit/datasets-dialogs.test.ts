// The dataset channels through the dialog port, as the app calls them: the open dialog is asked
// for the format's file, and what it holds is planned before anything is written.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createAnnotation } from '../../electron/services/annotate/annotations';
import { exportDataset } from '../../electron/services/datasets/export';
import { formatModules } from '../../electron/services/datasets/formats/registry';
import { formatOfName } from '../../electron/services/library/importers/limits';
import { createHandlers } from '../../electron/services/index';
import { datasetFormatIds, datasetFormatTable, importableFormatIds, reportExtensions } from '../../shared/formats';
import { addText, openTestContext, rowCounts } from './helpers';

describe('dataset dialogs', () => {
  it('chooseImport asks the open dialog for the format, plans the chosen file, and a cancel plans nothing', async () => {
    const t = openTestContext();
    const text = 'Rebels said they took the bridge.';
    const documentId = addText(t.ctx, text);
    createAnnotation(t.ctx, { documentId, labelId: 'claim', start: 0, end: text.length });
    const file = path.join(t.dir, 'corpus.jsonl');
    exportDataset(t.ctx, { format: 'doccano' }, file);
    const before = rowCounts(t.store);
    const dispatch = createDispatcher(createHandlers(t.ctx));

    expect(await dispatch('datasets.chooseImport', { format: 'doccano' })).toEqual({ ok: true, value: { status: 'cancelled' } });
    t.dialogs.filesToImport = [file];
    expect(await dispatch('datasets.chooseImport', { format: 'doccano' })).toEqual({
      ok: true,
      value: { status: 'chosen', plan: { path: file, token: expect.any(String), format: 'doccano', documents: 1, annotations: 1, missingLabels: [] } },
    });
    expect(t.dialogs.annotationFormats).toEqual(['doccano', 'doccano']);
    expect(rowCounts(t.store)).toEqual(before);
  });

  it('the table of formats and the code agree: every format is written, every importable one read, every report extension imported', () => {
    for (const id of datasetFormatIds) {
      expect(formatModules[id].id).toBe(id);
      expect(typeof formatModules[id].read === 'function', id).toBe(datasetFormatTable[id].import !== undefined);
    }
    expect(importableFormatIds.filter((id) => datasetFormatTable[id].import)).toEqual([...importableFormatIds]);
    expect(reportExtensions).toHaveLength(11);
    for (const extension of reportExtensions) expect(formatOfName(`report.${extension.toUpperCase()}`), extension).toBeDefined();
  });
});
