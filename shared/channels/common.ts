// Argument shapes many channels share.
import { z } from 'zod';
import { Id, UndoToken } from '../schemas/common';

export const none = z.object({}).strict();
export const byId = z.object({ id: Id }).strict();
export const byAnnotation = z.object({ annotationId: Id }).strict();
export const byDocument = z.object({ documentId: Id }).strict();
/** A restore (undo of a delete) names only the token the delete returned. */
export const byUndoToken = z.object({ token: UndoToken }).strict();
