// Messages between the main thread and the import worker.
import type { ParsedDocument } from './parse';

export type ParseTask =
  | { id: number; kind: 'path'; path: string; fileName: string; encoding?: string }
  | { id: number; kind: 'bytes'; fileName: string; bytes: Uint8Array; encoding?: string }
  | { id: number; kind: 'clipboard'; html: string; text: string };

export type ParseResult = { id: number; ok: true; doc: ParsedDocument } | { id: number; ok: false; reason: string };

/** A task as the pool's callers give it (the pool numbers them). */
export type TaskInput = ParseTask extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;
