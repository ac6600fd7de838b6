// Shapes every domain uses: ids, times, offsets (UTF-16 code units, see ../offsets.ts).
import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export const IsoTime = z.string().max(40);
export const Offset = z.number().int().nonnegative();
/** YYYY-MM-DD. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'dates are YYYY-MM-DD' });
