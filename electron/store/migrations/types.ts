export interface Migration {
  /** Consecutive from 1; a database records the highest it has run. */
  version: number;
  name: string;
  /** SQL run in one transaction together with the version bump. */
  up: string;
}
