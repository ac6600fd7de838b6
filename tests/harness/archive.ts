// A .glossa project archive written by the real export from another library, for the tests of
// opening an archive from the OS or a drop.
import path from 'node:path';
import { startCore } from '../../electron/core';
import { exportDataset } from '../../electron/services/datasets/export';
import { addDocument } from '../../electron/services/library/documents';
import { ScriptedDialogs } from './harness';

/** project.glossa in dir: one report ("Bridge report") with one claim, made by the analyst "Colleague". */
export async function writeProjectArchive(dir: string): Promise<string> {
  const other = startCore({ storePath: path.join(dir, 'other.sqlite'), dialogs: new ScriptedDialogs(), appVersion: 'test', logError: () => undefined });
  try {
    // A colleague's library: its analyst has a name of their own (two ids with one name are refused).
    const named = await other.dispatch('analysts.saveProfile', { name: 'Colleague' });
    if (!named.ok) throw new Error(named.error.message);
    const added = addDocument(other.ctx, { title: 'Bridge report', text: 'Rebels claim they seized the bridge at dawn.' });
    if (added.status !== 'added') throw new Error('the archive report was not added');
    const created = await other.dispatch('annotations.create', { documentId: added.document.id, labelId: 'claim', start: 0, end: 35 });
    if (!created.ok) throw new Error(created.error.message);
    const target = path.join(dir, 'project.glossa');
    exportDataset(other.ctx, { format: 'archive' }, target);
    return target;
  } finally {
    other.close();
  }
}

/** What the import dialog says of that archive. */
export const projectArchivePlan = 'project.glossa holds 1 report with 1 annotations';
