export * from './codes.ts';
export * from './credit-code.ts';
export * from './eligibility.ts';
export * from './kinds.ts';
export * from './majors.ts';
export * from './post-rules.ts';
export * from './types.ts';
export * from './zsb-quota.ts';
