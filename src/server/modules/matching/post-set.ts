import { preparePost, type TMatchPost, type TPreparedPost } from '../../../domain/matching/prepare.ts';
import type { TDeps } from '../../context.ts';
import { loadOpenPosts, loadPartners, postsSignature, type TPartnerMap } from './match-data.repo.ts';

/*
 * The open posts prepared for scoring, kept per database between requests: a case page scores every open post
 * for its graduate, and reading and preparing them each time would cost more than scoring. Reloaded when the
 * day changes or the posts' signature (newest change, open count, places taken) differs, checked at most every
 * few seconds — another process's change shows within SIGNATURE_TTL_MS. An employer's tags changing on review
 * touches no post: it shows with the next post change or the next day.
 */

export type TPostSet = {
  today: string;
  signature: string;
  posts: TMatchPost[];
  prepared: TPreparedPost[];
  byId: Map<string, TPreparedPost>;
  partners: TPartnerMap;
};

const SIGNATURE_TTL_MS = 5_000;
const cache = new WeakMap<object, { set: Promise<TPostSet>; checkedAt: number }>();

async function loadPostSet(deps: TDeps, today: string, signature: string): Promise<TPostSet> {
  const { db } = deps.database;
  const [posts, partners] = await Promise.all([
    loadOpenPosts(db),
    loadPartners(db, Number(today.slice(0, 4))),
  ]);
  const prepared = posts.map((p) => preparePost(p, { today }));
  return { today, signature, posts, prepared, byId: new Map(prepared.map((p) => [p.post.id, p])), partners };
}

/** The open posts as of `today` (a China date). */
export async function getPostSet(deps: TDeps, today: string): Promise<TPostSet> {
  const key = deps.database;
  const hit = cache.get(key);
  const now = Date.now();
  // tests change posts and read at once: they always check
  const ttl = deps.config.nodeEnv === 'test' ? 0 : SIGNATURE_TTL_MS;
  if (hit && now - hit.checkedAt < ttl) {
    const set = await hit.set;
    if (set.today === today) return set;
  }
  const signature = await postsSignature(deps.database.db);
  if (hit) {
    const set = await hit.set.catch(() => null);
    if (set && set.today === today && set.signature === signature) {
      hit.checkedAt = now;
      return set;
    }
  }
  const set = loadPostSet(deps, today, signature);
  cache.set(key, { set, checkedAt: now });
  set.catch(() => cache.delete(key));
  return set;
}

/** Forget the cached posts of this database (after this process changed posts, or in tests). */
export function forgetPostSet(deps: TDeps): void {
  cache.delete(deps.database);
}
