import { useEffect, useState } from 'react';

/** The largest file the renderer will read and send; the main process checks again. */
const maxDropBytes = 32 * 1024 * 1024;

/**
 * What was dropped: paths where the host can tell them (Electron, which also covers folders),
 * else the files' bytes.
 */
export interface DroppedItems {
  paths: string[];
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
      if (files.length === 0) return;
      const paths = files.map((file) => window.glossa?.pathForFile(file) ?? '');
      if (paths.every((p) => p !== '')) return onDrop({ paths, files: [] });
      const tooBig = files.filter((f) => f.size > maxDropBytes);
      for (const f of tooBig) onError(`${f.name} is ${(f.size / 1048576).toFixed(1)} MB; Glossa imports files up to 32 MB.`);
      const readable = files.filter((f) => f.size <= maxDropBytes);
      if (readable.length === 0) return;
      try {
        const read = await Promise.all(readable.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) })));
        onDrop({ paths: [], files: read });
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
