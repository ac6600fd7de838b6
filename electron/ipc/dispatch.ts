// The one door into the main process: validates the channel and its arguments against the
// contract, calls the handler, validates the result, and turns every failure into data.
import { contract, isChannel } from '../../shared/contract';
import { AppError, type Envelope } from '../../shared/errors';
import type { Handlers } from '../services/handlers';
import type { z } from 'zod';

export type Dispatch = (channel: unknown, args: unknown) => Promise<Envelope<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported (they reach the user only as a short message). */
  logError?: (channel: string, error: unknown) => void;
  /** Turns a low-level error the user can act on into an AppError (a write to a read-only store). */
  translateError?: (error: unknown) => unknown;
}

export function createDispatcher(handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  const logError = options.logError ?? ((channel, error) => console.error(`[ipc ${channel}]`, error));
  return async (channel, rawArgs) => {
    if (!isChannel(channel)) {
      return failure('UNKNOWN_CHANNEL', `Unknown request ${JSON.stringify(String(channel)).slice(0, 80)}.`);
    }
    const spec = contract[channel];
    const parsed = spec.args.safeParse(rawArgs);
    if (!parsed.success) {
      return failure('INVALID_ARGS', `Invalid request to ${channel}: ${describeIssues(parsed.error)}`);
    }
    let value: unknown;
    try {
      const handler = handlers[channel] as (args: unknown) => unknown;
      value = await handler(parsed.data);
    } catch (thrown) {
      const error = options.translateError ? options.translateError(thrown) : thrown;
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      logError(channel, error);
      return failure('INTERNAL', `Something went wrong in ${channel}: ${(error as Error)?.message ?? error}`);
    }
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      logError(channel, checked.error);
      return failure('INTERNAL', `The answer to ${channel} was malformed: ${describeIssues(checked.error)}`);
    }
    return { ok: true, value: checked.data };
  };
}

function failure(code: AppError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'arguments'}: ${issue.message}`)
    .join('; ');
}
