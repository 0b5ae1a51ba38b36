export * from './audit.ts';
export * from './auth.ts';
export * from './imports.ts';
export * from './ledger.ts';
export * from './orgs.ts';
export * from './registry.ts';
export * from './relations.ts';
