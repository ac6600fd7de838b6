// Shapes every domain uses: ids, times, offsets (UTF-16 code units, see ../offsets.ts).
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export const IsoTime = z.string().max(40);
export const Offset = z.number().int().nonnegative();
/** YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are YYYY-MM-DD' });
/**
 * What a delete returns so that it can be undone: an opaque random token for the snapshot the
 * main process keeps (the page never sends rows back). It expires when main drops the snapshot.
 */
export const UndoToken = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { message: 'not an undo token' });
