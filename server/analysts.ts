// The team's analysts and their tokens. A token is 'glossa_' and 32 random bytes (base64url); the server keeps
// only its SHA-256. Lookup is by that hash (256 random bits: an index probe reveals nothing
// useful), and the stored hash is then compared in constant time.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';

export interface Analyst {
  id: string;
  name: string;
}

export interface NewAnalyst extends Analyst {
  /** Shown once, to the admin who made it; never stored. */
  token: string;
}

export type Authentication = { ok: true; analyst: Analyst } | { ok: false; code: 'UNAUTHORIZED' | 'TOKEN_REVOKED' };

/**
 * Every token starts with this: one that began with '-' (one in 64 of bare base64url) read as an
 * option on a command line (`--token -x…`), and a fixed prefix lets secret scanners find leaks.
 */
export const tokenPrefix = 'glossa_';

export function tokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export class AnalystError extends Error {}

export async function addAnalyst(db: Db, name: string, id: string = randomUUID()): Promise<NewAnalyst> {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw new AnalystError('An analyst name is 1 to 200 characters.');
  const token = tokenPrefix + randomBytes(32).toString('base64url');
  const inserted = await db.query(
    'INSERT INTO analysts (id, name, token_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [id, trimmed, tokenHash(token)],
  );
  if (!inserted.rowCount) throw new AnalystError(`An analyst named "${trimmed}" (or with id ${id}) already exists.`);
  return { id, name: trimmed, token };
}

/** Revokes the analyst's token at once; their changes stay. Returns the analyst, or null when none has that name. */
export async function revokeAnalyst(db: Db, name: string): Promise<(Analyst & { revokedAt: string }) | null> {
  const result = await db.query<{ id: string; name: string; revoked_at: Date }>(
    'UPDATE analysts SET revoked_at = coalesce(revoked_at, now()) WHERE name = $1 RETURNING id, name, revoked_at',
    [name.trim()],
  );
  const row = result.rows[0];
  return row ? { id: row.id, name: row.name, revokedAt: row.revoked_at.toISOString() } : null;
}

export async function authenticate(db: Db, token: string): Promise<Authentication> {
  const presented = tokenHash(token);
  const result = await db.query<{ id: string; name: string; token_hash: Buffer; revoked_at: Date | null }>(
    'SELECT id, name, token_hash, revoked_at FROM analysts WHERE token_hash = $1',
    [presented],
  );
  const row = result.rows[0];
  if (!row || !timingSafeEqual(row.token_hash, presented)) return { ok: false, code: 'UNAUTHORIZED' };
  if (row.revoked_at) return { ok: false, code: 'TOKEN_REVOKED' };
  return { ok: true, analyst: { id: row.id, name: row.name } };
}
