import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/ipc/dispatch';
import { createHandlers } from '../../electron/services/index';
import type { Handlers } from '../../electron/services/handlers';
import type { Envelope } from '../../shared/errors';
import { addText, openTestContext } from './helpers';

function dispatcher(override: Partial<Handlers> = {}) {
  const t = openTestContext();
  const logged: string[] = [];
  const dispatch = createDispatcher(
    { ...createHandlers(t.ctx), ...override },
    { logError: (channel) => logged.push(channel) },
  );
  return { ...t, dispatch, logged };
}

function errorCode(envelope: Envelope<unknown>): string | undefined {
  return envelope.ok ? undefined : envelope.error.code;
}

describe('dispatcher', () => {
  it('answers a valid call with a value', async () => {
    const { dispatch, ctx } = dispatcher();
    const id = addText(ctx, 'Some report text.');
    const result = await dispatch('documents.get', { id });
    expect(result.ok).toBe(true);
    expect(result.ok && (result.value as { text: string }).text).toBe('Some report text.');
  });

  it('turns unknown channels and malformed arguments into typed errors, never throwing', async () => {
    const { dispatch } = dispatcher();
    const cases: [unknown, unknown, string][] = [
      ['documents.nope', {}, 'UNKNOWN_CHANNEL'],
      [42, {}, 'UNKNOWN_CHANNEL'],
      [null, null, 'UNKNOWN_CHANNEL'],
      ['__proto__', {}, 'UNKNOWN_CHANNEL'],
      ['annotations.list', { documentId: 5 }, 'INVALID_ARGS'],
      ['annotations.list', 'doc-1', 'INVALID_ARGS'],
      ['annotations.list', null, 'INVALID_ARGS'],
      ['annotations.list', undefined, 'INVALID_ARGS'],
      ['annotations.list', { documentId: 'x', extra: 1 }, 'INVALID_ARGS'],
      ['annotations.create', { documentId: 'd', labelId: 'claim', start: 5, end: 2 }, 'INVALID_ARGS'],
      ['annotations.create', { documentId: 'd', labelId: 'claim', start: -1, end: 2 }, 'INVALID_ARGS'],
      ['annotations.create', { documentId: 'd', labelId: 'claim', start: 0.5, end: 2 }, 'INVALID_ARGS'],
      ['documents.importDropped', { files: new Array(100_000).fill({ name: 'a.txt', data: new Uint8Array(1) }) }, 'INVALID_ARGS'],
      ['documents.importDropped', { files: [{ name: 'a.txt', data: 'not bytes' }] }, 'INVALID_ARGS'],
      ['documents.get', { id: 'x'.repeat(10_000) }, 'INVALID_ARGS'],
      ['datasets.exportDialog', { format: 'xml' }, 'INVALID_ARGS'],
    ];
    for (const [channel, args, code] of cases) {
      const result = await dispatch(channel, args);
      expect(errorCode(result), `${String(channel)} ${JSON.stringify(args)?.slice(0, 60)}`).toBe(code);
      expect(result.ok ? '' : result.error.message.length).toBeLessThan(600);
    }
  });

  it('passes a service’s AppError through as data', async () => {
    const { dispatch } = dispatcher();
    const result = await dispatch('documents.get', { id: 'missing' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No document with id missing.' } });
  });

  it('turns a crashing handler into INTERNAL and logs it', async () => {
    const { dispatch, logged } = dispatcher({
      'labels.list': () => {
        throw new TypeError('boom');
      },
    });
    const result = await dispatch('labels.list', {});
    expect(errorCode(result)).toBe('INTERNAL');
    expect(logged).toEqual(['labels.list']);
  });

  it('turns a malformed handler result into INTERNAL', async () => {
    const { dispatch } = dispatcher({ 'labels.list': () => [{ nonsense: true }] as never });
    expect(errorCode(await dispatch('labels.list', {}))).toBe('INTERNAL');
  });

  it('imports through the dialog port, and an empty choice is an empty report', async () => {
    const { dispatch, dialogs } = dispatcher();
    dialogs.filesToImport = [];
    expect(await dispatch('documents.importDialog', { jobId: 'job-1' })).toEqual({
      ok: true,
      value: { jobId: 'job-1', imported: [], duplicates: [], failed: [], skipped: [], cancelled: false },
    });
    // The renderer's call without arguments still works (mode defaults to files).
    expect(await dispatch('documents.importDialog', {})).toMatchObject({ ok: true, value: { imported: [], cancelled: false } });
  });
});
