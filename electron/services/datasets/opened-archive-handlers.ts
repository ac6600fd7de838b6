// The channels of archives opened from the OS or dropped: the renderer passes a token main
// granted (../grants.ts), never a path, and the format is always 'archive'.
import type { ServiceContext } from '../context';
import type { Handlers } from '../handlers';
import { importAnnotations, planImport } from './import';

export function openedArchiveHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'datasets.takeOpenedArchives' | 'datasets.planOpenedArchive' | 'datasets.importOpenedArchive'> {
  const grants = ctx.grants;
  return {
    'datasets.takeOpenedArchives': () => grants.takeAnnounced(),
    'datasets.planOpenedArchive': ({ token }) => planImport(ctx, 'archive', grants.archiveOf(token), token),
    'datasets.importOpenedArchive': async ({ token, createLabels }) => {
      const report = await importAnnotations(ctx, 'archive', grants.archiveOf(token), createLabels ?? false);
      grants.revoke(token);
      return report;
    },
  };
}

/** What main does when the OS opens an archive: grant it, queue it and tell the window. */
export function openArchiveFromOs(ctx: ServiceContext, target: string): void {
  ctx.grants.announce(target);
  ctx.emit({ name: 'archive-opened', payload: {} });
}
