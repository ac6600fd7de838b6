// Shapes of the team domain (issue 16, the client): joining a team server, syncing with it, its
// status, and the review queue of conflicting edits. The engine's own types live in
// electron/services/sync/; these are what crosses IPC.
import { z } from 'zod';

/** A team server's address: http(s) only, as typed in the Connect dialog. */
export const TeamServerUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => /^https?:\/\/[^\s/]+/i.test(value), { message: 'the server address must start with http:// or https://' });

/** PEM text of a certificate authority to trust (a team server with its own TLS certificate). */
export const CaCertificate = z
  .string()
  .max(256 * 1024)
  .refine((value) => value.includes('-----BEGIN CERTIFICATE-----'), { message: 'the CA file is not a PEM certificate' });

export const ConnectArgs = z
  .object({
    url: TeamServerUrl,
    token: z.string().trim().min(1, { message: 'paste the token your administrator gave you' }).max(4096),
    ca: CaCertificate.optional(),
  })
  .strict();
export type ConnectArgs = z.infer<typeof ConnectArgs>;

export const SyncResult = z.object({
  pushed: z.number().int().nonnegative(),
  pulled: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
export type SyncResult = z.infer<typeof SyncResult>;

export const TeamAnalyst = z.object({ id: z.string(), name: z.string() });

export const Joined = SyncResult.extend({ analyst: TeamAnalyst });
export type Joined = z.infer<typeof Joined>;

export const SyncPhase = z.enum(['join', 'push', 'pull']);

/** How the token is kept on this computer: by the system's keychain, or in a plain file readable only by this user. */
export const TokenProtection = z.enum(['encrypted', 'plain-file']);
export type TokenProtection = z.infer<typeof TokenProtection>;

export const TeamState = z.object({
  joined: z.boolean(),
  serverUrl: z.string().nullable(),
  analyst: TeamAnalyst.nullable(),
  lastSyncedAt: z.string().nullable(),
  pending: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  deferred: z.number().int().nonnegative(),
  highWater: z.number().int().nonnegative(),
  /** Sync in the background (every minute, and shortly after edits). */
  automatic: z.boolean(),
  /** A sync (or a join) is running now. */
  running: z.boolean(),
  /** Why the last sync failed, as a sentence; null after a success. */
  lastError: z.string().nullable(),
  /** The store is open for viewing only: syncing waits until it can write. */
  paused: z.boolean(),
  /** null when no token is kept. */
  tokenProtection: TokenProtection.nullable(),
});
export type TeamState = z.infer<typeof TeamState>;

export const ConflictItem = z.object({
  id: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  field: z.string(),
  description: z.string(),
  mine: z.unknown(),
  theirs: z.unknown(),
  theirAnalyst: z.string(),
  madeAt: z.string(),
});
export type ConflictItem = z.infer<typeof ConflictItem>;

export const ResolveArgs = z.object({ id: z.number().int().nonnegative(), take: z.enum(['mine', 'theirs']) }).strict();

/** What the `team-sync` event says while a sync runs and when it ends. */
export const SyncActivity = z.object({
  running: z.boolean(),
  phase: SyncPhase.nullable(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative().nullable(),
  /** The run ended because it was cancelled (error says so); not a failure. */
  cancelled: z.boolean(),
  /** Set when a run ends: its result, or why it failed. */
  result: SyncResult.nullable(),
  error: z.string().nullable(),
});
export type SyncActivity = z.infer<typeof SyncActivity>;
