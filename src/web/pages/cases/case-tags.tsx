import { Flex, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TCaseDetail, TCaseListItem } from '../../../domain/api/ledger.ts';
import type { TSiqingReason } from '../../../domain/ledger/clock.ts';
import type { TCaseStage, TCaseStatus, TIntention } from '../../../domain/ledger/codes.ts';
import { SIQING_KEY_LIST } from '../../api/case-codes.ts';

/*
 * Small labels every ledger page shows the same way: status, stage, intention, due items and the 四清 flags.
 * Other ledger pages may import them.
 */

const STATUS_COLORS: Record<TCaseStatus, string> = {
  seeking: 'processing',
  placed: 'success',
  paused: 'warning',
  closed: 'default',
};

export function StatusTag({ status }: { status: TCaseStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid={`status-${status}`}>
      {t(`cases.statuses.${status}`)}
    </Tag>
  );
}

/** Nothing at school (the normal case); a purple tag once the case is with the county HRSS bureau. */
export function StageTag({ stage }: { stage: TCaseStage }) {
  const { t } = useTranslation();
  if (stage === 'school') return null;
  return (
    <Tag color="purple" data-testid="stage-handed-over">
      {t(`cases.stages.${stage}`)}
    </Tag>
  );
}

const INTENTION_COLORS: Record<TIntention, string> = {
  employment: 'blue',
  further_study: 'cyan',
  military: 'geekblue',
  grassroots: 'green',
  entrepreneurship: 'orange',
  not_now: 'default',
  none: 'default',
};

export function IntentionTag({ intention }: { intention: TIntention | null }) {
  const { t } = useTranslation();
  if (!intention) {
    return <Typography.Text type="secondary">{t('cases.filters.noIntention')}</Typography.Text>;
  }
  return <Tag color={INTENTION_COLORS[intention]}>{t(`cases.intentions.${intention}`)}</Tag>;
}

type TDue = TCaseListItem['due'][number];

/** One due item: red with the days overdue, or grey with its date when it is still ahead. */
export function DueTag({ item }: { item: TDue }) {
  const { t } = useTranslation();
  // "跟踪逾期" only once it is late; ahead of time the neutral name of the duty ("跟踪服务 11-29 到期")
  const rule = item.overdue ? t(`cases.overdueRule.${item.rule}`) : t(`cases.dueRule.${item.rule}`);
  const date = dayjs(item.dueAt).format('YYYY-MM-DD');
  const label = !item.overdue
    ? t('cases.dueOn', { rule, date: dayjs(item.dueAt).format('MM-DD') })
    : item.daysOverdue > 0
      ? t('cases.overdueTag', { rule, days: item.daysOverdue })
      : t('cases.overdueToday', { rule });
  return (
    <Tooltip title={`${rule} · ${date}`}>
      <Tag
        color={item.overdue ? 'error' : 'default'}
        data-testid={`due-${item.rule}`}
        data-overdue={item.overdue ? 'true' : 'false'}
        style={{ marginInlineEnd: 0 }}
      >
        {label}
      </Tag>
    </Tooltip>
  );
}

/**
 * Due items: every overdue one; when nothing is overdue, the next one ahead (`upcoming`), so a row says how long
 * it has before it turns red.
 */
export function DueTags({ due, upcoming = 1 }: { due: TDue[]; upcoming?: number }) {
  const { t } = useTranslation();
  const overdue = due.filter((d) => d.overdue);
  const shown = overdue.length > 0 ? overdue : due.slice(0, upcoming);
  if (shown.length === 0) {
    return <Typography.Text type="secondary">{t('cases.dueNothing')}</Typography.Text>;
  }
  return (
    <Flex gap={4} wrap data-testid="due-tags">
      {shown.map((d) => (
        <DueTag key={d.rule} item={d} />
      ))}
    </Flex>
  );
}

type TSiqingDetail = TCaseDetail['siqing'];

/**
 * 四清 as four small tags 人/需/措/进 (green when met, red when not), each with a tooltip naming the flag and,
 * on the case page, the rule's reason.
 */
export function SiqingTags({
  flags,
  detail,
  full = false,
}: {
  flags: TCaseListItem['siqing'];
  detail?: TSiqingDetail;
  /** full names (人员底数清 …) instead of one character */
  full?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={full ? 6 : 2} wrap={full} data-testid="siqing">
      {SIQING_KEY_LIST.map((key) => {
        const ok = flags[key];
        const label = t(`cases.siqing.${key}`);
        const reasonCode = detail?.[key].reason as TSiqingReason | undefined;
        const reason = reasonCode ? t(`cases.siqingReason.${reasonCode}`) : undefined;
        const title = ok
          ? reason && reasonCode !== 'ok'
            ? t('cases.siqingOkWhy', { label, reason })
            : t('cases.siqingOk', { label })
          : reason
            ? t('cases.siqingNot', { label, reason })
            : t('cases.siqingNotShort', { label });
        return (
          <Tooltip key={key} title={title}>
            <Tag
              color={ok ? 'success' : 'error'}
              variant={full ? 'outlined' : 'filled'}
              style={{ marginInlineEnd: 0, minWidth: full ? undefined : 24, textAlign: 'center' }}
              data-testid={`siqing-${key}`}
              data-ok={ok ? 'true' : 'false'}
            >
              {full ? label : t(`cases.siqingShort.${key}`)}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
