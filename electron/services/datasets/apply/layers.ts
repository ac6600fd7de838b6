// Which layer each imported annotation goes to, and who is recorded as its author. An archive
// carries its analysts (id and name): each is merged into the store by id, and one whose name
// belongs to a different analyst here is refused. Interchange formats name the annotator: found
// by name, or added. Without either, annotations go to the acting analyst's layer.
import { goldLayer } from '../../../../shared/schemas/analysts';
import { AppError } from '../../../../shared/errors';
import type { AnnotationImportReport } from '../../../../shared/schemas/datasets';
import { insertAnalyst, profileConfirmedKey } from '../../../store/writers/analysts';
import { analystById, analystByName } from '../../analysts/analysts';
import type { ServiceContext } from '../../context';
import type { InAnnotation, InDataset } from '../model';

export interface Authored {
  layer: string;
  createdBy: string;
  updatedBy: string;
}

/** The layer of annotations that no analyst made (written into a store by other means than Glossa). */
const unassignedLayer = '';

export type LayerOf = (a: InAnnotation, file: string) => Authored;

function profileConfirmed(ctx: ServiceContext): boolean {
  return ctx.store.db.prepare('SELECT 1 FROM meta WHERE key = ?').get(profileConfirmedKey) !== undefined;
}

/**
 * The archive's analysts, merged (refusing a name clash before anything is written), and the
 * function that gives each annotation its layer. The local analyst's name, while it is still the
 * OS user's (never confirmed in the profile), is no identity: an archive analyst of that name is
 * taken to be the local analyst (one person's archive moving between machines).
 */
export function importLayers(ctx: ServiceContext, dataset: InDataset, report: AnnotationImportReport): LayerOf {
  const db = ctx.store.db;
  const idMap = new Map<string, string>();
  const added: string[] = [];
  for (const analyst of dataset.analysts ?? []) {
    if (analystById(db, analyst.id)) {
      idMap.set(analyst.id, analyst.id);
      continue;
    }
    const sameName = analystByName(db, analyst.name);
    if (sameName && sameName.id === ctx.analyst.id && !profileConfirmed(ctx)) {
      idMap.set(analyst.id, sameName.id);
      continue;
    }
    if (sameName) {
      throw new AppError(
        'ANALYST_CONFLICT',
        `The file names an analyst “${analyst.name}” (id ${analyst.id}), but “${sameName.name}” in this library is a different analyst (id ${sameName.id}). Two analysts cannot share a name: one of them should rename themselves (File ▸ Analyst Profile…) and export again. Nothing was imported.`,
      );
    }
    insertAnalyst(db, analyst, ctx.now());
    idMap.set(analyst.id, analyst.id);
    added.push(analyst.name);
  }
  const byName = new Map<string, string>();
  const named = (name: string): string => {
    const key = name.trim().toLowerCase();
    let id = byName.get(key);
    if (id) return id;
    id = key === goldLayer ? goldLayer : analystByName(db, name)?.id;
    if (!id) {
      id = ctx.newId();
      insertAnalyst(db, { id, name: name.trim().slice(0, 80) }, ctx.now());
      added.push(name.trim());
      report.analystsAdded = added;
    }
    byName.set(key, id);
    return id;
  };
  if ((dataset.analysts ?? []).length > 0) report.analystsAdded = added;
  return (a, file) => {
    if (a.layer !== undefined) {
      // '' is no analyst's layer (annotations written into a store by other means, migration 0013): it stays so.
      const layer = a.layer === goldLayer || a.layer === unassignedLayer ? a.layer : idMap.get(a.layer);
      if (layer === undefined) {
        throw new AppError('IMPORT_FAILED', `${file}${a.line === null ? '' : ` line ${a.line}`}: names the layer ${a.layer}, an analyst the archive does not list. Nothing was imported.`);
      }
      const author = (id: string | undefined) => (id !== undefined && idMap.get(id)) || (layer === goldLayer ? ctx.analyst.id : layer);
      return { layer, createdBy: author(a.createdBy), updatedBy: author(a.updatedBy ?? a.createdBy) };
    }
    if (a.analyst !== undefined && a.analyst.trim() !== '') {
      const id = named(a.analyst);
      const by = id === goldLayer ? ctx.analyst.id : id;
      return { layer: id, createdBy: by, updatedBy: by };
    }
    return { layer: ctx.analyst.id, createdBy: ctx.analyst.id, updatedBy: ctx.analyst.id };
  };
}
