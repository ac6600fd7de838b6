// When a part of Glossa stops: what is logged, whether the window reloads, what the user is told.
import { describe, expect, it } from 'vitest';
import { maxReloadsPerMinute, respondTo } from '../../electron/shell/crash-policy';

describe('crash policy', () => {
  it('reloads a crashed window and says nothing was lost', () => {
    const response = respondTo({ kind: 'renderer', reason: 'crashed', exitCode: 11 });
    expect(response.reload).toBe(true);
    expect(response.log).toBe('renderer gone: crashed (exit 11); reloading');
    expect(response.notice?.message).toContain('nothing was lost');
    expect(respondTo({ kind: 'renderer', reason: 'oom', exitCode: -1 }).notice?.message).toContain('out of memory');
  });

  it('stops reloading a window that keeps crashing, and says so', () => {
    const response = respondTo({ kind: 'renderer', reason: 'crashed', exitCode: 11 }, maxReloadsPerMinute);
    expect(response.reload).toBe(false);
    expect(response.notice?.message).toContain('Quit and start Glossa again');
    expect(response.notice?.message).toContain('nothing was lost');
  });

  it('only logs a window or helper process that was closed on purpose', () => {
    expect(respondTo({ kind: 'renderer', reason: 'clean-exit', exitCode: 0 })).toEqual({ log: 'renderer ended (clean-exit)', reload: false, notice: null });
    expect(respondTo({ kind: 'child', type: 'Utility', name: 'Network Service', reason: 'clean-exit', exitCode: 0 }).notice).toBeNull();
  });

  it("logs a crashed GPU or utility process, which Chromium restarts itself", () => {
    expect(respondTo({ kind: 'child', type: 'GPU', reason: 'crashed', exitCode: 139 })).toEqual({
      log: 'child process gone: GPU: crashed (exit 139)',
      reload: false,
      notice: null,
    });
  });

  it('logs an uncaught main-process error, reloads and points to the logs', () => {
    const response = respondTo({ kind: 'uncaught', message: 'boom' });
    expect(response.log).toBe('uncaught error in the main process: boom');
    expect(response.reload).toBe(true);
    expect(response.notice?.message).toContain('Help ▸ Show Logs');
    expect(response.notice?.message).toContain('nothing was lost');
  });
});
