import { useEffect, useState } from 'react';
import type { DroppedGrant } from '../../shared/bridge';

/** The largest file the renderer will read and send; the main process checks again. */
const maxDropBytes = 32 * 1024 * 1024;

/**
 * What was dropped: the files and folders main granted where the host can tell their paths
 * (Electron's preload; folders too), else the files' bytes. The page never sees a path.
 */
export interface DroppedItems {
  granted: DroppedGrant[];
  files: { name: string; data: Uint8Array }[];
}

/** Accepts files dropped anywhere on the window; returns whether a drag is over it. */
export function useFileDrop(onDrop: (items: DroppedItems) => void, onError: (message: string) => void): boolean {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const handleDrop = async (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      // Taken at once: the host hands out each drop's grants once.
      const grants = window.glossa?.droppedGrants() ?? Promise.resolve([]);
      if (files.length === 0) return;
      let granted: DroppedGrant[] = [];
      try {
        granted = await grants;
      } catch {
        granted = [];
      }
      if (granted.length === files.length) return onDrop({ granted, files: [] });
      const tooBig = files.filter((f) => f.size > maxDropBytes);
      for (const f of tooBig) onError(`${f.name} is ${(f.size / 1048576).toFixed(1)} MB; Glossa imports files up to 32 MB.`);
      const readable = files.filter((f) => f.size <= maxDropBytes);
      if (readable.length === 0) return;
      try {
        const read = await Promise.all(readable.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
        onDrop({ granted: [], files: read });
      } catch (error) {
        onError(`Could not read the dropped files: ${(error as Error).message}`);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', handleDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', handleDrop);
    };
  }, [onDrop, onError]);
  return dragging;
}
