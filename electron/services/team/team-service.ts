// The team as the app runs it: the kept connection (secrets-file.ts), the sync engine
// (sync-engine.ts) run one at a time by the scheduler (scheduler.ts), and progress told to the
// renderer as `team-sync` events. One per open store (team-services.ts).
import { AppError } from '../../../shared/errors';
import type { ConnectArgs, Joined, SyncActivity, TeamState } from '../../../shared/schemas/team';
import { readOnlyRefusal } from '../../store/read-only';
import { confirmProfile } from '../../store/writers/analysts';
import type { ServiceContext } from '../context';
import { SyncScheduler, type SchedulerTimings } from './scheduler';
import type { SecretsFile, TeamConnection } from './secrets-file';
import type { ConflictItem, SyncEngine, SyncResult, TeamServer } from './sync-engine';

const notInTeam = () => new AppError('NOT_FOUND', 'This library is not in a team: use Team ▸ Connect to Team Server… first.');
/** Joined by `glossa sync`, which keeps no token: the app needs it once. */
const noToken = (url: string | null) =>
  new AppError('NOT_FOUND', `This library syncs with ${url ?? 'a team server'}, but Glossa keeps no token for it here: give it with Team ▸ Connect to Team Server….`);

export class TeamService {
  private readonly scheduler: SyncScheduler;
  /** undefined until read from the secrets file. */
  private connection: TeamConnection | null | undefined;
  private lastError: string | null = null;
  private changesSeen = 0;
  private readonly listeners = new Set<() => void>();
  private readonly totalChanges;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly engine: SyncEngine,
    private readonly secrets: SecretsFile,
    timings?: SchedulerTimings,
  ) {
    this.scheduler = new SyncScheduler(
      {
        mayRunInBackground: () => this.mayRunInBackground(),
        backgroundRun: (signal) => this.run(signal),
        // run() has recorded and told the error already.
        onBackgroundError: () => undefined,
      },
      timings,
    );
    this.totalChanges = ctx.store.db.prepare('SELECT total_changes()').pluck();
    this.changesSeen = this.countChanges();
  }

  /** Starts background sync (the app); the CLI and unit tests of the channels need not. */
  start(): void {
    this.scheduler.start();
  }

  stop(): void {
    this.scheduler.stop();
  }

  /** Tells fn when the state changes (joined, left, automatic switched, a run ended). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Called after every request the window makes: a write to the store plans a sync soon. */
  noteActivity(): void {
    const changes = this.countChanges();
    if (changes === this.changesSeen) return;
    this.changesSeen = changes;
    if (this.mayRunInBackground()) this.scheduler.noteEdit();
  }

  /** Whether background sync is on (the Team menu's tick). */
  get automatic(): boolean {
    return this.kept()?.automatic ?? false;
  }

  state(): TeamState {
    const status = this.engine.teamStatus(this.ctx);
    const connection = this.kept();
    return {
      ...status,
      automatic: connection?.automatic ?? false,
      running: this.scheduler.running,
      lastError: this.lastError,
      paused: this.ctx.store.readOnly,
      tokenProtection: connection?.protection ?? null,
    };
  }

  async connect(args: ConnectArgs): Promise<Joined> {
    this.refuseIfReadOnly();
    const server: TeamServer = args.ca === undefined ? { url: args.url, token: args.token } : { url: args.url, token: args.token, ca: args.ca };
    const joined = await this.scheduler.runExclusive((signal) =>
      this.track(signal, () => this.engine.joinTeam(this.ctx, server, { signal, onProgress: (p) => this.tell({ running: true, ...p }) })),
    );
    // The team knows this analyst by name now: the first-run question would only rename them here.
    this.ctx.store.transaction(() => confirmProfile(this.ctx.store.db, this.ctx.now()));
    // Only a token the server accepted is kept; a refused one changes nothing.
    this.secrets.write(server, this.connection?.automatic ?? true);
    this.connection = { server, automatic: this.connection?.automatic ?? true, protection: this.secrets.protection };
    this.changed();
    return joined;
  }

  async syncNow(): Promise<SyncResult> {
    this.refuseIfReadOnly();
    if (!this.kept()) {
      if (this.lastError) throw new AppError('NOT_FOUND', this.lastError);
      const status = this.engine.teamStatus(this.ctx);
      throw status.joined ? noToken(status.serverUrl) : notInTeam();
    }
    return this.scheduler.runExclusive((signal) => this.run(signal));
  }

  setAutomatic(automatic: boolean): TeamState {
    const connection = this.kept();
    if (!connection) throw notInTeam();
    this.secrets.write(connection.server, automatic);
    this.connection = { ...connection, automatic };
    this.changed();
    return this.state();
  }

  conflicts(): ConflictItem[] {
    return this.engine.listConflicts(this.ctx);
  }

  resolve(id: number, take: 'mine' | 'theirs'): TeamState {
    this.refuseIfReadOnly();
    this.engine.resolveConflict(this.ctx, id, take);
    this.noteActivity();
    this.changed();
    return this.state();
  }

  /** Cancels a running sync, then stops syncing and forgets the server; local data stays. */
  async leave(): Promise<TeamState> {
    this.refuseIfReadOnly();
    this.scheduler.cancel();
    await this.scheduler.runExclusive(async () => {
      this.engine.leaveTeam(this.ctx);
      this.secrets.clear();
      this.connection = null;
      this.lastError = null;
    });
    this.changed();
    return this.state();
  }

  cancel(): { cancelled: boolean } {
    return { cancelled: this.scheduler.cancel() };
  }

  private run(signal: AbortSignal): Promise<SyncResult> {
    const connection = this.kept();
    if (!connection) return Promise.reject(notInTeam());
    return this.track(signal, () =>
      this.engine.syncNow(this.ctx, connection.server, { signal, onProgress: (p) => this.tell({ running: true, ...p }) }),
    );
  }

  /** Runs one engine call, telling the window when it starts and how it ended. */
  private async track<T extends SyncResult>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
    this.tell({ running: true, phase: null, done: 0, total: null });
    try {
      const result = await work();
      this.lastError = null;
      this.tell({ running: false, result });
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // A cancelled run is not a failure: what it sent or applied stays, and the next run goes on.
      if (signal.aborted) this.tell({ running: false, cancelled: true, error: message });
      else {
        this.lastError = message;
        this.tell({ running: false, error: message });
      }
      throw error;
    } finally {
      // The run's own writes (what it pulled) are not edits to sync back.
      this.changesSeen = this.countChanges();
      this.changed();
    }
  }

  private tell(activity: Partial<SyncActivity> & { running: boolean }): void {
    const { result, error, ...rest } = activity;
    this.ctx.emit({
      name: 'team-sync',
      payload: {
        phase: null,
        done: 0,
        total: null,
        cancelled: false,
        ...rest,
        result: result ? { pushed: result.pushed, pulled: result.pulled, conflicts: result.conflicts, rejected: result.rejected } : null,
        error: error ?? null,
      },
    });
  }

  private mayRunInBackground(): boolean {
    const connection = this.kept();
    return connection !== null && connection.automatic && !this.ctx.store.readOnly && this.engine.teamStatus(this.ctx).joined;
  }

  /** The kept connection; a file that cannot be read back counts as none, and says why. */
  private kept(): TeamConnection | null {
    if (this.connection === undefined) {
      try {
        this.connection = this.secrets.read();
      } catch (error) {
        this.connection = null;
        this.lastError = (error as Error).message;
      }
    }
    return this.connection;
  }

  private refuseIfReadOnly(): void {
    if (this.ctx.store.readOnly) throw readOnlyRefusal(this.ctx.store.path);
  }

  private countChanges(): number {
    return this.totalChanges.get() as number;
  }

  private changed(): void {
    this.scheduler.replan();
    for (const fn of this.listeners) fn();
  }
}
