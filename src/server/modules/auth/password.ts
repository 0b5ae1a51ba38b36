import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library defaults (≈21 ms a hash here): slow enough to hurt guessing, fast enough to log in. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both paths take the same time. */
let dummyHash: Promise<string> | null = null;
export function getDummyHash(): Promise<string> {
  dummyHash ??= hash('bangfu-timing-equaliser');
  return dummyHash;
}
