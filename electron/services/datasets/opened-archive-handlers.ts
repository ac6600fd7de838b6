// The channels of archives opened from the OS or dropped (opened-archives.ts): the renderer
// passes a token main granted, never a path, and the format is always 'archive'.
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { importAnnotations, planImport } from './import';

export function openedArchiveHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'datasets.takeOpenedArchives' | 'datasets.openDroppedArchive' | 'datasets.planOpenedArchive' | 'datasets.importOpenedArchive'> {
  const archives = ctx.openedArchives;
  return {
    'datasets.takeOpenedArchives': () => archives.takeAnnounced(),
    // The same trust as documents.importPaths gives a dropped path, narrowed to .glossa files.
    'datasets.openDroppedArchive': ({ path }) => ({ token: archives.grant(path) }),
    'datasets.planOpenedArchive': ({ token }) => planImport(ctx, 'archive', archives.pathOf(token)),
    'datasets.importOpenedArchive': ({ token, createLabels }) => {
      const report = importAnnotations(ctx, 'archive', archives.pathOf(token), createLabels ?? false);
      archives.revoke(token);
      return report;
    },
  };
}

/** What main does when the OS opens an archive: grant it, queue it and tell the window. */
export function openArchiveFromOs(ctx: ServiceContext, target: string): void {
  ctx.openedArchives.announce(target);
  ctx.emit({ name: 'archive-opened', payload: {} });
}
