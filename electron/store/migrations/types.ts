import type { Db } from '../store';

export interface Migration {
  /** Consecutive from 1; a database records the highest it has run. */
  version: number;
  name: string;
  /** SQL run in one transaction together with the version bump. */
  up: string;
  /** Work SQL cannot do (e.g. filling an index from JS), run after `up` in the same transaction. */
  run?: (db: Db) => void;
}
