// Puts the sample report in a new library, once. The meta key is recorded even when the
// sample is not added, so a sample the user deleted never comes back.
import type { ServiceContext } from '../services/context';
import { addDocument } from '../services/library/documents';
import { insertMeta } from '../store/writers/meta';
import { sampleReport } from './sample-report';

export const sampleSeededKey = 'sample_seeded';

export function seedSampleOnFirstRun(ctx: ServiceContext): void {
  const db = ctx.store.db;
  ctx.store.transaction(() => {
    if (db.prepare('SELECT 1 FROM meta WHERE key = ?').get(sampleSeededKey)) return;
    // A store that already has documents (made by the CLI, say) is not a first run for the user.
    const empty = db.prepare('SELECT 1 FROM documents LIMIT 1').get() === undefined;
    if (empty) addDocument(ctx, sampleReport);
    insertMeta(db, sampleSeededKey, empty ? ctx.now() : 'skipped: store had documents');
  });
}
