import { createHmac } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TAuditVerifyResult } from '../../../domain/api/audit.ts';
import type { TDeps } from '../../context.ts';
import * as repo from './audit.repo.ts';
import { canonicalJson } from './audit-hash.ts';
import { verifyAuditChain } from './audit-verify.ts';

/**
 * Checkpoints of the audit trail kept outside the database (AUDIT_CHECKPOINT_FILE, JSON lines, append-only):
 * the highest id, the row count up to it and the chain head, each line sealed with the audit key. Someone who
 * can write the database but not this file cannot delete the newest rows unnoticed (decision 0016).
 */
export type TCheckpoint = {
  at: string;
  lastId: number;
  count: number;
  headId: number | null;
  headHash: string | null;
};

function sealOf(key: Buffer, cp: TCheckpoint): string {
  return createHmac('sha256', key).update('checkpoint\n').update(canonicalJson(cp)).digest('hex');
}

/** The file's checkpoints; `invalidLine` (1-based) is the first line that is not a checkpoint sealed with our key. */
export function readCheckpoints(
  file: string,
  key: Buffer,
): { checkpoints: TCheckpoint[]; invalidLine: number | null } {
  if (!existsSync(file)) return { checkpoints: [], invalidLine: null };
  const checkpoints: TCheckpoint[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    try {
      const { seal, ...raw } = JSON.parse(lines[i]!) as TCheckpoint & { seal?: string };
      const cp: TCheckpoint = {
        at: raw.at,
        lastId: raw.lastId,
        count: raw.count,
        headId: raw.headId,
        headHash: raw.headHash,
      };
      if (typeof cp.lastId !== 'number' || typeof cp.count !== 'number' || seal !== sealOf(key, cp)) {
        return { checkpoints, invalidLine: i + 1 };
      }
      checkpoints.push(cp);
    } catch {
      return { checkpoints, invalidLine: i + 1 };
    }
  }
  return { checkpoints, invalidLine: null };
}

/** Append a checkpoint of the trail as it is now. */
export async function writeCheckpoint(deps: TDeps): Promise<TCheckpoint> {
  const state = await deps.database.db.transaction((tx) => repo.lockChainAndReadState(tx));
  const cp: TCheckpoint = { at: deps.clock.now().toISOString(), ...state };
  const file = deps.config.auditCheckpointFile;
  mkdirSync(path.dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify({ ...cp, seal: sealOf(deps.crypto.auditKey, cp) })}\n`, {
    mode: 0o600,
  });
  return cp;
}

/**
 * `bangfu audit verify` and GET /api/audit/verify: the rows against each other and against every checkpoint;
 * an intact trail gets a new checkpoint, so the next verify also covers what exists now.
 */
export async function verifyAudit(deps: TDeps): Promise<TAuditVerifyResult> {
  const { checkpoints, invalidLine } = readCheckpoints(deps.config.auditCheckpointFile, deps.crypto.auditKey);
  if (invalidLine !== null) {
    return {
      ok: false,
      checked: 0,
      checkpoints: 0,
      firstBroken: { id: `${deps.config.auditCheckpointFile}:${invalidLine}`, reason: 'checkpoint_invalid' },
    };
  }
  const result = await verifyAuditChain(deps.database.db, deps.crypto.auditKey, checkpoints);
  if (result.ok) await writeCheckpoint(deps);
  return result;
}

/** Checkpoints on a cadence (AUDIT_CHECKPOINT_MINUTES), one at start; a failed write is logged, not fatal. */
export function startAuditCheckpoints(
  deps: TDeps,
  logger: { error(obj: object, msg: string): void },
  intervalMinutes: number,
) {
  const run = () =>
    writeCheckpoint(deps).catch((err: unknown) => logger.error({ err }, 'audit checkpoint failed'));
  let running = run();
  const timer =
    intervalMinutes > 0
      ? setInterval(() => {
          running = run();
        }, intervalMinutes * 60_000)
      : null;
  timer?.unref();
  return {
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
