import type { TCaseEvent } from '../../../domain/api/ledger.ts';
import type { TPushChannel, TPushItem, TPushStatus } from '../../../domain/api/matching.ts';
import type { TApplicationStatus } from '../../../domain/opportunities/codes.ts';

/*
 * The case's pushes and applications, one row per post: when it was pushed (and on which channels, by whom),
 * whether the graduate looked at it, and how far their application went. Applications are read from the case's
 * own events (each step of an application is a `progress` event, a hire a `destination` event, both carrying
 * the applicationId), so a graduate who applied without a push shows up too. Pure, tested without a browser.
 */

const STEP_OF_PROGRESS: Record<string, TApplicationStatus> = {
  application: 'applied',
  interview: 'interview',
  offer: 'offer',
  hired: 'hired',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

export type TTrailApplication = { id: string; status: TApplicationStatus; at: string };

export type TTrailRow = {
  postId: string;
  title: string;
  /** the channels and what became of each */
  channels: { channel: TPushChannel; status: TPushStatus }[];
  pushedAt: string | null;
  pushedBy: string | null;
  note: string;
  score: number | null;
  viewedAt: string | null;
  application: TTrailApplication | null;
};

/** Each application's latest status from the case's progress and destination events. */
export function applicationsFromEvents(
  events: readonly TCaseEvent[],
): Map<string, TTrailApplication & { postId: string; title: string }> {
  const out = new Map<string, TTrailApplication & { postId: string; title: string }>();
  // oldest first, so a later step overwrites an earlier one
  for (const e of [...events].sort((a, b) => a.id - b.id)) {
    const id = e.data.applicationId;
    const postId = e.data.opportunityId;
    if (typeof id !== 'string' || typeof postId !== 'string') continue;
    const status = e.kind === 'destination' ? 'hired' : STEP_OF_PROGRESS[String(e.data.kind)];
    if (!status) continue;
    const title = typeof e.data.post === 'string' ? e.data.post : (out.get(id)?.title ?? '');
    out.set(id, { id, postId, title, status, at: e.at });
  }
  return out;
}

const earlier = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** One row per post pushed or applied to, the most recent first. */
export function buildTrail(pushes: readonly TPushItem[], events: readonly TCaseEvent[]): TTrailRow[] {
  const rows = new Map<string, TTrailRow>();
  const row = (postId: string, title: string) => {
    let r = rows.get(postId);
    if (!r) {
      r = {
        postId,
        title,
        channels: [],
        pushedAt: null,
        pushedBy: null,
        note: '',
        score: null,
        viewedAt: null,
        application: null,
      };
      rows.set(postId, r);
    }
    return r;
  };
  for (const p of pushes) {
    const r = row(p.opportunity.id, p.opportunity.title);
    r.channels.push({ channel: p.channel, status: p.status });
    if (r.pushedAt === null || p.createdAt < r.pushedAt) {
      r.pushedAt = p.createdAt;
      r.pushedBy = p.actorName;
      r.note = p.note;
      r.score = p.score;
    }
    r.viewedAt = earlier(r.viewedAt, p.viewedAt);
  }
  for (const a of applicationsFromEvents(events).values()) {
    const r = row(a.postId, a.title);
    // a withdrawn application followed by a new one: the newest counts
    if (!r.application || r.application.at < a.at) r.application = { id: a.id, status: a.status, at: a.at };
  }
  const latest = (r: TTrailRow) =>
    [r.pushedAt, r.application?.at]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1) ?? '';
  return [...rows.values()].sort((a, b) => latest(b).localeCompare(latest(a)));
}
