export * from './access.ts';
export * from './clock.ts';
export * from './codes.ts';
export * from './pairing.ts';
export * from './rules.ts';
