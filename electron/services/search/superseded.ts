import { AppError } from '../../../shared/errors';

/** The answer to a search the analyst typed over: a newer one of its kind was asked for. */
export function supersededError(): AppError {
  return new AppError('SUPERSEDED', 'A newer search replaced this one.');
}
