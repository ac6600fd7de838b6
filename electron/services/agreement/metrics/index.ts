// The agreement measures, each a pure function over spans (see spans.ts for the input).
export * from './spans';
export * from './exact-f1';
export * from './overlap-f1';
export * from './char-kappa';
export * from './alpha-unitized';
export * from './alpha-values';
