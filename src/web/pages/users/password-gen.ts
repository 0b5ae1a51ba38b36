/** Moved to the domain so the staff import generates temporary passwords with the same rule. */
export * from '../../../domain/accounts/password-gen.ts';
