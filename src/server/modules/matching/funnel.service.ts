import { type SQL, sql } from 'drizzle-orm';
import type { TFunnel, TFunnelGroup, TFunnelQuery, TFunnelRow } from '../../../domain/api/matching.ts';
import type { TCtx, TDeps } from '../../context.ts';
import { queryRows } from '../../db/query.ts';
import { requireUser } from '../auth/auth.service.ts';
import { caseScopeWhere } from '../ledger/case-access.ts';

/*
 * The push funnel: every post pushed to a graduate (graduate × post, whatever the channels, once a push was
 * sent) and how far it went — viewed by the graduate, applied to, and the application's furthest step. An
 * application that moved on and was then rejected or withdrawn still counts the steps it reached: the case
 * timeline keeps each step as a progress event. Counted per graduate, staff member (who pushed first), post,
 * university or college, over the pushes of graduates in the user's case scope.
 */

const GROUPS: Record<TFunnelGroup, { key: SQL; label: SQL; join: SQL }> = {
  graduate: { key: sql`g.id::text`, label: sql`g.name`, join: sql`` },
  staff: {
    key: sql`coalesce(s.actor_user_id::text, '-')`,
    label: sql`coalesce(u.display_name, '-')`,
    join: sql`left join app_user u on u.id = s.actor_user_id`,
  },
  post: {
    key: sql`s.opportunity_id::text`,
    label: sql`o.title`,
    join: sql`join opportunity o on o.id = s.opportunity_id`,
  },
  university: {
    key: sql`g.university_id::text`,
    label: sql`uni.name`,
    join: sql`join org_unit uni on uni.id = g.university_id`,
  },
  college: {
    key: sql`coalesce(g.college_id::text, '-')`,
    label: sql`coalesce(col.name, g.college_name, '-')`,
    join: sql`left join org_unit col on col.id = g.college_id`,
  },
};

const reached = (kinds: string[]) =>
  sql`exists (select 1 from case_event e where e.case_id = a.case_id and e.kind = 'progress'
      and e.data->>'applicationId' = a.id::text and e.data->>'kind' in (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )}))`;

type TCounts = Omit<TFunnelRow, 'key' | 'label'>;
const toCounts = (r: Record<string, unknown>): TCounts => ({
  pushed: Number(r.pushed),
  viewed: Number(r.viewed),
  applied: Number(r.applied),
  interview: Number(r.interview),
  offer: Number(r.offer),
  hired: Number(r.hired),
});

/** The funnel grouped as asked, biggest groups first, with the total over all groups. */
export async function getFunnel(deps: TDeps, ctx: TCtx, q: TFunnelQuery): Promise<TFunnel> {
  requireUser(ctx);
  const { db } = deps.database;
  const filters: SQL[] = [sql`p.status = 'sent'`, caseScopeWhere(ctx)];
  // China dates: a day starts at midnight +08:00
  if (q.from) filters.push(sql`p.created_at >= (${q.from} || 'T00:00:00+08:00')::timestamptz`);
  if (q.to) filters.push(sql`p.created_at < ((${q.to}::date + 1)::text || 'T00:00:00+08:00')::timestamptz`);
  if (q.cohort) filters.push(sql`graduate.cohort = ${q.cohort}`);
  const staged = sql`with pairs as (
      select p.graduate_id, p.opportunity_id, (array_agg(p.actor_user_id order by p.created_at))[1] as actor_user_id,
        bool_or(p.viewed_at is not null) as viewed
      from push p join graduate on graduate.id = p.graduate_id
      where ${sql.join(filters, sql` and `)}
      group by p.graduate_id, p.opportunity_id
    ), s as (
      select pairs.*, a.id as app_id,
        (a.status in ('interview', 'offer', 'hired') or ${reached(['interview', 'offer'])}) as interview,
        (a.status in ('offer', 'hired') or ${reached(['offer'])}) as offer,
        (a.status = 'hired') as hired
      from pairs left join application a on a.graduate_id = pairs.graduate_id and a.opportunity_id = pairs.opportunity_id
    )`;
  const counts = sql`count(*)::int as pushed, (count(*) filter (where s.viewed))::int as viewed,
    count(s.app_id)::int as applied, (count(*) filter (where s.interview))::int as interview,
    (count(*) filter (where s.offer))::int as offer, (count(*) filter (where s.hired))::int as hired`;
  const g = GROUPS[q.groupBy];
  const [rows, [total], [groups]] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`${staged} select ${g.key} as key, ${g.label} as label, ${counts}
          from s join graduate g on g.id = s.graduate_id ${g.join}
          group by 1, 2 order by pushed desc, key limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    ),
    queryRows<Record<string, unknown>>(db, sql`${staged} select ${counts} from s`),
    queryRows<{ n: number }>(
      db,
      sql`${staged} select count(distinct ${g.key})::int as n from s join graduate g on g.id = s.graduate_id ${g.join}`,
    ),
  ]);
  return {
    groupBy: q.groupBy,
    rows: rows.map((r) => ({ key: String(r.key), label: String(r.label ?? ''), ...toCounts(r) })),
    total: toCounts(total ?? {}),
    page: q.page,
    pageSize: q.pageSize,
    groups: Number(groups?.n ?? 0),
  };
}
