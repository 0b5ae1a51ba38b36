/**
 * 一帮一 pairing suggestion, pure and deterministic: every university leader gets at least one graduate (the
 * notice asks that each leader helps someone), then graduates go to a helper of their own college while that
 * helper's load stays under the balanced cap, otherwise to the least-loaded helper.
 */
export type TPairingHelper = {
  userId: string;
  /** the helper's college; null for university-level leaders */
  collegeId: string | null;
  /** university leader (校领导) rather than a 处级 cadre */
  isLeader: boolean;
  /** graduates currently paired with them */
  load: number;
};
export type TPairingGraduate = { graduateId: string; collegeId: string | null };
export type TPairingReason = 'leader_first' | 'same_college' | 'balance';
export type TPairingSuggestion = { graduateId: string; helperUserId: string; reason: TPairingReason };

export function suggestPairings(
  graduates: readonly TPairingGraduate[],
  helpers: readonly TPairingHelper[],
): TPairingSuggestion[] {
  if (helpers.length === 0 || graduates.length === 0) return [];
  const load = new Map(helpers.map((h) => [h.userId, h.load]));
  const byId = (a: { userId: string }, b: { userId: string }) => (a.userId < b.userId ? -1 : 1);
  const pending = [...graduates].sort((a, b) =>
    `${a.collegeId ?? ''}|${a.graduateId}` < `${b.collegeId ?? ''}|${b.graduateId}` ? -1 : 1,
  );
  const out: TPairingSuggestion[] = [];
  const assign = (g: TPairingGraduate, helperUserId: string, reason: TPairingReason) => {
    out.push({ graduateId: g.graduateId, helperUserId, reason });
    load.set(helperUserId, (load.get(helperUserId) ?? 0) + 1);
  };
  // 1. leaders without anyone yet take one graduate each
  for (const leader of helpers.filter((h) => h.isLeader && h.load === 0).sort(byId)) {
    const g = pending.shift();
    if (!g) return out;
    assign(g, leader.userId, 'leader_first');
  }
  // 2. balanced cap over everyone's final load
  const total = [...load.values()].reduce((s, n) => s + n, 0) + pending.length;
  const cap = Math.ceil(total / helpers.length);
  const sorted = [...helpers].sort(byId);
  const leastLoaded = (pool: readonly TPairingHelper[]) =>
    pool.reduce((best, h) => (load.get(h.userId)! < load.get(best.userId)! ? h : best));
  for (const g of pending) {
    const own = sorted.filter((h) => h.collegeId !== null && h.collegeId === g.collegeId);
    const ownBest = own.length > 0 ? leastLoaded(own) : null;
    if (ownBest && load.get(ownBest.userId)! < cap) assign(g, ownBest.userId, 'same_college');
    else assign(g, leastLoaded(sorted).userId, 'balance');
  }
  return out;
}
