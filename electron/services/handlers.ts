// The handlers type: one function per contract channel. Each service module provides its
// slice; createHandlers joins them, and `satisfies` proves no channel is missing.
import type { ArgsOf, Channel, Contract, ResultOf } from '../../shared/contract';
import type { z } from 'zod';

export type Handlers = {
  [C in Channel]: (args: z.output<Contract[C]['args']>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export type { ArgsOf };
