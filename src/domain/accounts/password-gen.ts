/**
 * Initial passwords an administrator hands over (read out on the phone, typed from a note), so characters
 * that look alike (0/O, 1/l/I) are left out. 16 characters from ~60 symbols is about 94 bits.
 */
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '@#%+=?';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

export const GENERATED_PASSWORD_LENGTH = 16;

/** Fills the array with random 32-bit words; Web Crypto by default, replaceable in tests. */
export type TRandomSource = (words: Uint32Array) => void;

const cryptoSource: TRandomSource = (words) => {
  globalThis.crypto.getRandomValues(words);
};

/** An unbiased integer in [0, n): words above the largest multiple of n are drawn again. */
function randomBelow(n: number, random: TRandomSource): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const word = new Uint32Array(1);
  for (;;) {
    random(word);
    const value = word[0]!;
    if (value < limit) return value % n;
  }
}

function pick(alphabet: string, random: TRandomSource): string {
  return alphabet[randomBelow(alphabet.length, random)]!;
}

/**
 * A strong random password with at least one upper-case letter, lower-case letter, digit and symbol,
 * so it always passes the password policy (`ZNewPassword`).
 */
export function generatePassword(length = GENERATED_PASSWORD_LENGTH, random = cryptoSource): string {
  if (length < 8) throw new RangeError('a generated password needs at least 8 characters');
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => pick(set, random));
  while (chars.length < length) chars.push(pick(ALL, random));
  // Fisher–Yates, so the guaranteed characters are not always at the start
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1, random);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
