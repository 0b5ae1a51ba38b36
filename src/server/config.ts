import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const SMS_PROVIDERS = ['console'] as const;

/** The only reader of process.env. Parsed once at boot; every bad variable is reported together. */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** loopback by default: the demo data has public passwords; `0.0.0.0` (every interface) must be asked for */
  HOST: z.string().min(1).default('127.0.0.1'),
  /**
   * origins besides the server's own allowed to send state-changing requests (comma-separated, e.g.
   * `https://bangfu.example.edu.cn`); each must be a bare origin: scheme, host and optional port, no path
   */
  ALLOWED_ORIGINS: z
    .string()
    .default('')
    .transform((value, zctx) => {
      const origins = value
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const origin of origins) {
        if (!isBareOrigin(origin)) {
          zctx.addIssue({
            code: 'custom',
            message: `"${origin}" is not an origin like https://host or https://host:8443 (no path, no slash)`,
          });
        }
      }
      return origins;
    }),
  /**
   * `true` only when every request arrives through a TLS-terminating reverse proxy: client address and
   * scheme come from X-Forwarded-*, HSTS is sent and the session cookie is marked Secure
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  /**
   * connections to PostgreSQL per server process. More statements in flight than the database machine has
   * cores cost each of them more CPU (caseload list on 2 cores: 0.31 ms at 2 in flight, 0.55 ms at 8;
   * docs/benchmarks.md), so a small machine may do better with fewer
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default('./data'),
  BANGFU_SECRET_KEY: z
    .string()
    .min(32, { message: 'must be at least 32 characters (e.g. `openssl rand -hex 32`)' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** where SMS sign-in codes go; `console` logs them (development) — a gateway provider is added here */
  SMS_PROVIDER: z.enum(SMS_PROVIDERS).default('console'),
  /** minutes between runs of the ledger clock (overdue items, escalation, daily digest); 0 turns it off */
  LEDGER_TICK_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** minutes between runs of the push outbox (queued and carried-over pushes); 0 turns it off */
  PUSH_DISPATCH_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
  /**
   * the audit trail's checkpoints outside the database (append-only JSON lines, decision 0016); default
   * DATA_DIR/audit-checkpoints.jsonl, required with DATABASE_URL in production (keep it off the database host)
   */
  AUDIT_CHECKPOINT_FILE: z
    .string()
    .min(1)
    .refine((v) => !/[\\/]$/.test(v) && !(existsSync(v) && statSync(v).isDirectory()), {
      message: 'must be a file path, not a directory',
    })
    .optional(),
  /** minutes between audit checkpoints (also written at start and at each verify); 0 turns the cadence off */
  AUDIT_CHECKPOINT_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /** full ID numbers or phones one user may reveal per day (China time); more is refused and alerts the admins */
  REVEAL_DAILY_LIMIT: z.coerce.number().int().min(1).max(1000).default(20),
});

export type TConfig = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** absent → embedded PGlite in dataDir */
  databaseUrl: string | undefined;
  /** PostgreSQL connections per process (not used with PGlite) */
  databasePoolSize: number;
  dataDir: string;
  secretKey: string;
  logLevel: z.infer<typeof ZEnv>['LOG_LEVEL'];
  /** absolute path of the audit checkpoint file (outside the database) */
  auditCheckpointFile: string;
  /** minutes between audit checkpoints; 0 = only at start and at each verify */
  auditCheckpointMinutes: number;
  /** reveals (ID number, phone) per user per day */
  revealDailyLimit: number;
  smsProvider: (typeof SMS_PROVIDERS)[number];
  /** minutes between ledger clock runs; 0 = off (tests, benchmarks, a second server process) */
  ledgerTickMinutes: number;
  /** minutes between push outbox runs; 0 = off (`bangfu matching dispatch` then sends) */
  pushDispatchMinutes: number;
  /** origins besides the server's own whose non-GET requests are accepted (plugins/origin-check.ts) */
  allowedOrigins: string[];
  /** behind a TLS-terminating proxy: X-Forwarded-* trusted, HSTS sent, session cookie Secure */
  trustProxy: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const SECRET_FILE = 'secret.key';

/** Weak secrets are refused in production: too short, or too few distinct characters. */
function isWeakSecret(secret: string): boolean {
  return secret.length < 32 || new Set(secret).size < 10;
}

/**
 * Parse the environment. On the embedded default a missing secret is generated once into the data dir
 * (mode 0600); with DATABASE_URL or in production the secret must be given and strong.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const parsed = ZEnv.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // judged on the raw values too, so a missing secret is listed together with any other bad variable
  const secretProblem = checkSecret(env.NODE_ENV, env.DATABASE_URL, env.BANGFU_SECRET_KEY);
  if (secretProblem && !problems.some((p) => p.startsWith('BANGFU_SECRET_KEY:')))
    problems.push(secretProblem);
  if (env.NODE_ENV === 'production' && env.DATABASE_URL && !env.AUDIT_CHECKPOINT_FILE) {
    problems.push(
      'AUDIT_CHECKPOINT_FILE: required with DATABASE_URL in production (audit checkpoints must live outside the database)',
    );
  }
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  const secret = e.BANGFU_SECRET_KEY ?? readOrCreateSecret(dataDir);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    dataDir,
    secretKey: secret,
    logLevel: e.LOG_LEVEL,
    auditCheckpointFile: path.resolve(
      e.AUDIT_CHECKPOINT_FILE ?? path.join(dataDir, 'audit-checkpoints.jsonl'),
    ),
    auditCheckpointMinutes: e.AUDIT_CHECKPOINT_MINUTES,
    revealDailyLimit: e.REVEAL_DAILY_LIMIT,
    smsProvider: e.SMS_PROVIDER,
    ledgerTickMinutes: e.LEDGER_TICK_MINUTES,
    pushDispatchMinutes: e.PUSH_DISPATCH_MINUTES,
    allowedOrigins: e.ALLOWED_ORIGINS,
    trustProxy: e.TRUST_PROXY === 'true',
  };
}

/** `https://host[:port]` exactly as a browser sends it in the Origin header. */
function isBareOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

/** The secret rules that depend on other variables; undefined when the secret is acceptable. */
function checkSecret(
  nodeEnv: string | undefined,
  databaseUrl: string | undefined,
  secret: string | undefined,
): string | undefined {
  if (nodeEnv === 'production') {
    if (!secret) return 'BANGFU_SECRET_KEY: required in production (64 hex chars recommended)';
    if (isWeakSecret(secret)) return 'BANGFU_SECRET_KEY: too weak for production';
  }
  if (!secret && databaseUrl) {
    return 'BANGFU_SECRET_KEY: required with DATABASE_URL (the key encrypts personal data; keep it safe)';
  }
  return undefined;
}

function readOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secret;
}
