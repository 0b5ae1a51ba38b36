import {
  type TPushBody,
  type TPushChannel,
  type TPushResult,
  unreachableReason,
} from '../../../domain/api/matching.ts';
import { prepareCandidate } from '../../../domain/matching/prepare.ts';
import { explainMatch } from '../../../domain/matching/scorer.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireUser } from '../auth/auth.service.ts';
import { lockCaseForWrite } from '../ledger/case-access.ts';
import { chinaDate } from '../ledger/case-dates.ts';
import { appendCaseEvents } from '../ledger/case-events.repo.ts';
import { findCaseFacts, toCandidateFacts } from './match-data.repo.ts';
import { getMatchingSettings } from './matching-settings.ts';
import { getPostSet } from './post-set.ts';
import * as repo from './push.repo.ts';
import { dispatchPushes } from './push-dispatcher.ts';
import { postSummaries } from './recommendations.repo.ts';

/*
 * Pushing a post to a graduate from the case page. The case must be in the user's case scope (404 otherwise)
 * and writable by them (the holder rule); the post must be open and the graduate eligible for it. Each channel
 * is one outbox row: a channel the post already went to is refused as a duplicate (the unique index makes that
 * hold under concurrency too), and a post beyond the graduate's daily limit is stored as `limited` and sent on
 * the next day with room. Rows, the case event and the audit record commit together; then the new rows are
 * dispatched at once.
 */

type TOutcome = TPushResult['outcomes'][number];

function messageOf(outcome: TOutcome['outcome'], error: string | null, limit: number): [string, string] {
  switch (outcome) {
    case 'sent':
      return ['已发送', 'Sent'];
    case 'queued':
      return ['已排队，稍后发送', 'Queued, sent shortly'];
    case 'duplicate':
      return ['该岗位已通过此渠道推送过，不再重复推送', 'Already pushed on this channel: not sent again'];
    case 'limited':
      return [
        `今日已向该毕业生推送${limit}个岗位，达到每日上限，将在之后有余量的一天发送`,
        `${limit} posts were pushed to this graduate today, the daily limit: this one goes out on the next day with room`,
      ];
    case 'failed':
      return error === 'no_account'
        ? ['发送失败：毕业生尚未开通帮扶平台账号', 'Not sent: the graduate has no account yet']
        : error === 'no_phone'
          ? ['发送失败：名单中没有该毕业生的手机号', 'Not sent: no phone number on file']
          : [`发送失败：${error ?? ''}`, `Not sent: ${error ?? ''}`];
  }
}

/** Push a post to the case's graduate on the chosen channels; the outcome per channel. */
export async function pushPost(
  deps: TDeps,
  ctx: TCtx,
  caseId: string,
  body: TPushBody,
): Promise<TPushResult> {
  const user = requireUser(ctx);
  const now = deps.clock.now();
  const today = chinaDate(now);
  const { db } = deps.database;
  const set = await getPostSet(deps, today);
  const plan = await db.transaction(async (tx) => {
    await lockCaseForWrite(tx, ctx, caseId);
    const row = await findCaseFacts(tx, caseId);
    if (!row) throw notFound('Case');
    const post = set.byId.get(body.opportunityId);
    if (!post) throw notFound('Opportunity');
    const match = explainMatch(prepareCandidate(toCandidateFacts(row, set.partners), { today }), post);
    if (!match.eligible) {
      const why = match.reasons.map((r) => r.labelZh).join('、');
      throw new AppError(
        'conflict',
        `该毕业生不符合岗位条件（${why}），不能推送 / The graduate does not qualify for this post (${match.reasons.map((r) => r.labelEn).join(', ')})`,
        { reason: 'not_eligible', reasons: match.reasons },
      );
    }
    const settings = await getMatchingSettings(tx);
    // a channel that cannot reach the graduate fails here, before it uses any of the daily limit; a failed
    // channel is no duplicate: pushing again retries it
    const reach = { hasAccount: row.has_account, hasPhone: row.has_phone };
    const already = await repo.channelsPushed(tx, row.graduate_id, post.post.id);
    const fresh = body.channels.filter((ch) => !already.has(ch) || already.get(ch) === 'failed');
    const deliverable = fresh.filter((ch) => unreachableReason(ch, reach) === null);
    const counted = await repo.postsCountedOn(tx, row.graduate_id, today);
    const limited =
      deliverable.length > 0 && !counted.has(post.post.id) && counted.size >= settings.dailyPushLimit;
    const rows = fresh.map((channel) => {
      const error = unreachableReason(channel, reach);
      return {
        graduateId: row.graduate_id,
        caseId,
        opportunityId: post.post.id,
        channel,
        status: error ? 'failed' : limited ? 'limited' : 'queued',
        error,
        actorUserId: user.id,
        actorName: user.displayName,
        reason: body.note,
        score: match.score,
        breakdown: match.breakdown.map((b) => b.points),
        countedOn: error || limited ? null : today,
        createdAt: now,
        provinceCode: row.domicile_county_code ? `${row.domicile_county_code.slice(0, 2)}0000` : null,
      };
    });
    const written = [
      ...(await repo.insertPushes(
        tx,
        rows.filter((r) => !already.has(r.channel)),
      )),
      ...(await repo.retryFailedPushes(
        tx,
        rows.filter((r) => already.has(r.channel)),
      )),
    ];
    const byChannel = new Map(written.map((p) => [p.channel as TPushChannel, p]));
    const outcomes = body.channels.map((channel) => ({
      channel,
      pushId: byChannel.get(channel)?.id ?? null,
      outcome: (byChannel.get(channel)?.status ?? 'duplicate') as TOutcome['outcome'],
    }));
    if (written.length) {
      const title = (await postSummaries(tx, [post.post.id])).get(post.post.id)?.title ?? '';
      const summary = {
        opportunityId: post.post.id,
        title,
        channels: body.channels,
        outcomes,
        note: body.note,
      };
      // the timeline records a push that is on its way, not one that reached nobody
      const going = outcomes.filter((o) => o.outcome === 'queued' || o.outcome === 'limited');
      if (going.length)
        await appendCaseEvents(tx, [
          {
            caseId,
            kind: 'push',
            at: now,
            actorUserId: user.id,
            actorName: user.displayName,
            data: { ...summary, channels: going.map((o) => o.channel), outcomes: going, score: match.score },
          },
        ]);
      const audit = { action: 'matching.push', entityType: 'ledger_case', entityId: caseId, after: summary };
      await recordAudit(tx, ctx, audit, now);
    }
    return { outcomes, limit: settings.dailyPushLimit };
  });
  const queued = plan.outcomes.filter((o) => o.outcome === 'queued').map((o) => o.pushId!);
  if (queued.length) await dispatchPushes(deps, { ids: queued });
  const after = await repo.pushesById(
    db,
    plan.outcomes.flatMap((o) => (o.pushId ? [o.pushId] : [])),
  );
  return {
    outcomes: plan.outcomes.map((o) => {
      const row = o.pushId ? after.get(o.pushId) : undefined;
      const outcome = (row?.status ?? o.outcome) as TOutcome['outcome'];
      const [messageZh, messageEn] = messageOf(outcome, row?.error ?? null, plan.limit);
      return { channel: o.channel, outcome, pushId: o.pushId, messageZh, messageEn };
    }),
  };
}
