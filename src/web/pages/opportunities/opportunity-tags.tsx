import { Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TOpportunityListItem } from '../../../domain/api/opportunities.ts';
import type {
  TApplicationStatus,
  TEmployerTag,
  TOpportunityStatus,
} from '../../../domain/opportunities/codes.ts';
import { kindMeta } from '../../../domain/opportunities/kinds.ts';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import { chinaToday, daysUntil, KIND_COLORS, POST_STATUS_COLORS } from './opportunity-labels.ts';

/*
 * Small labels every page about posts shows the same way (staff list, zone, detail; the portals may import
 * them): the kind, the status, the deadline, employer tags, an application's status.
 */

export function KindTag({ kind }: { kind: TOpportunityKind }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`opportunities.groups.${kindMeta(kind).group}`)}>
      <Tag color={KIND_COLORS[kind]} style={{ marginInlineEnd: 0 }} data-testid={`kind-${kind}`}>
        {t(`opportunities.kinds.${kind}`)}
      </Tag>
    </Tooltip>
  );
}

/** The status; an open post whose deadline has passed says so instead. */
export function PostStatusTag({ status, expired }: { status: TOpportunityStatus; expired: boolean }) {
  const { t } = useTranslation();
  if (status === 'open' && expired) {
    return (
      <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="post-status-expired">
        {t('opportunities.expired')}
      </Tag>
    );
  }
  return (
    <Tag
      color={POST_STATUS_COLORS[status]}
      style={{ marginInlineEnd: 0 }}
      data-testid={`post-status-${status}`}
    >
      {t(`opportunities.statuses.${status}`)}
    </Tag>
  );
}

export function TargetPriorityTag() {
  const { t } = useTranslation();
  return (
    <Tag color="red" variant="filled" style={{ marginInlineEnd: 0 }} data-testid="tag-target-priority">
      {t('opportunities.targetPriority')}
    </Tag>
  );
}

/** The deadline, with the days left while a post is open (urgent in the last three days). */
export function DeadlineText({
  post,
}: {
  post: Pick<TOpportunityListItem, 'deadline' | 'expired' | 'status'>;
}) {
  const { t } = useTranslation();
  const left = daysUntil(post.deadline, chinaToday());
  const showLeft = post.status === 'open' && !post.expired && left <= 30;
  return (
    <Flex vertical>
      <Typography.Text type={post.expired ? 'secondary' : undefined} className="mono">
        {post.deadline}
      </Typography.Text>
      {showLeft && (
        <Typography.Text type={left <= 3 ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {left === 0 ? t('opportunities.today') : t('opportunities.daysLeft', { count: left })}
        </Typography.Text>
      )}
    </Flex>
  );
}

const APPLICATION_STATUS_COLORS: Record<TApplicationStatus, string> = {
  applied: 'processing',
  interview: 'cyan',
  offer: 'gold',
  hired: 'success',
  rejected: 'default',
  withdrawn: 'default',
};

/** Where an application stands (staff pages, the employer's applicants, the graduate's own applications). */
export function ApplicationStatusTag({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={APPLICATION_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`opportunities.applicationStatuses.${status}`)}
    </Tag>
  );
}

export function EmployerTags({ tags }: { tags: readonly TEmployerTag[] }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {tags.map((tag) => (
        <Tag key={tag} variant="outlined" style={{ marginInlineEnd: 0 }}>
          {t(`employers.tags.${tag}`)}
        </Tag>
      ))}
    </Flex>
  );
}
