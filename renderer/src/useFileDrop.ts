import { useEffect, useState } from 'react';

/** The largest file the renderer will read and send; the main process checks again. */
const maxDropBytes = 32 * 1024 * 1024;

/** Accepts files dropped anywhere on the window; returns whether a drag is over it. */
export function useFileDrop(onFiles: (files: { name: string; data: Uint8Array }[]) => void, onError: (message: string) => void): boolean {
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
    const onDrop = async (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      const tooBig = files.filter((f) => f.size > maxDropBytes);
      for (const f of tooBig) onError(`${f.name} is ${(f.size / 1048576).toFixed(1)} MB; Glossa imports files up to 32 MB.`);
      const readable = files.filter((f) => f.size <= maxDropBytes);
      if (readable.length === 0) return;
      try {
        onFiles(await Promise.all(readable.map(async (f) => ({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) }))));
      } catch (error) {
        onError(`Could not read the dropped files: ${(error as Error).message}`);
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles, onError]);
  return dragging;
}
