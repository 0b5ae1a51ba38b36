import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Personal-data crypto from the one server secret: AES-256-GCM for values at rest (ID numbers, phones) and
 * HMAC-SHA256 keyed hashes so rosters and registries match without either side holding raw ID lists.
 * Separate keys are derived with HKDF so one use never weakens the other.
 */
export type TCrypto = {
  encrypt(plain: string): string;
  decrypt(token: string): string;
  keyedHash(value: string): string;
  /** HMAC key of the audit chain and its checkpoints (decision 0016); derived, never stored anywhere */
  auditKey: Buffer;
};

/**
 * The audit chain key of this process's secret. `recordAudit` is called with a transaction and a ctx from
 * sixty places; rather than thread the key through each, the process's crypto installs it here when built.
 */
let processAuditKey: Buffer | null = null;

export function auditChainKey(): Buffer {
  if (!processAuditKey)
    throw new Error('The audit chain key is not set: build the crypto (createCrypto) first');
  return processAuditKey;
}

const VERSION = 'v1';
const IV_BYTES = 12;

/** Random IVs drawn from a pool refilled 4,096 at a time: one CSPRNG call per 4,096 encryptions, not each. */
function ivPool() {
  let pool = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + IV_BYTES > pool.length) {
      pool = randomBytes(IV_BYTES * 4096);
      offset = 0;
    }
    offset += IV_BYTES;
    return pool.subarray(offset - IV_BYTES, offset);
  };
}

export function createCrypto(secret: string): TCrypto {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', secret, 'bangfu', info, 32));
  const encKey = derive('personal-data-encryption');
  const macKey = derive('personal-data-keyed-hash');
  const nextIv = ivPool();
  const auditKey = derive('audit-chain');
  processAuditKey = auditKey;
  return {
    auditKey,
    encrypt(plain) {
      const iv = nextIv();
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    decrypt(token) {
      const [version, iv, body, tag] = token.split('.');
      if (version !== VERSION || !iv || !body || !tag) throw new Error('Unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    keyedHash(value) {
      return createHmac('sha256', macKey).update(value).digest('hex');
    },
  };
}
