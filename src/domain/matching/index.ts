export * from './brute-force.ts';
export * from './explain.ts';
export * from './factors.ts';
export * from './post-index.ts';
export * from './prepare.ts';
export * from './scorer.ts';
export * from './top-k.ts';
export * from './weights.ts';
