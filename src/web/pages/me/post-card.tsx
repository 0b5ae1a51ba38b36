import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TOpportunityKind } from '../../../domain/opportunities/types.ts';
import { KindTag } from '../opportunities/opportunity-tags.tsx';
import { chinaToday, daysUntil, deadlineText, salaryText } from './post-format.ts';

/** What a card needs of a post: the zone's list items and the pushes' summaries both have it. */
export type TPostCardData = {
  id: string;
  kind: TOpportunityKind;
  title: string;
  orgName: string;
  regionNames: string[];
  salaryMin: number | null;
  salaryMax: number | null;
  deadline: string;
};

/**
 * One post as a tappable card on the phone: title, employer, pay, where, and how long is left to apply.
 * `extra` holds tags the list adds (applied, new); `footer` a line under it (who recommended it).
 */
export function PostCard({
  post,
  to,
  extra,
  footer,
  testId = 'me-post-card',
}: {
  post: TPostCardData;
  to: string;
  extra?: ReactNode;
  footer?: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const today = chinaToday();
  const soon = daysUntil(post.deadline, today) <= 3;
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', color: 'inherit' }}>
      <Card size="small" hoverable>
        <Flex justify="space-between" align="start" gap="small">
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 15 }}>
              {post.title}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{post.orgName}</Typography.Text>
            </div>
          </div>
          <RightOutlined style={{ color: token.colorTextTertiary, marginTop: 4 }} />
        </Flex>
        <Typography.Text strong style={{ color: token.colorError, display: 'block', marginTop: 4 }}>
          {salaryText(t, post.salaryMin, post.salaryMax)}
        </Typography.Text>
        <Flex wrap gap={4} align="center" style={{ marginTop: 6 }}>
          <KindTag kind={post.kind} />
          {post.regionNames.length > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <EnvironmentOutlined /> {post.regionNames.slice(0, 2).join('、')}
              {post.regionNames.length > 2 ? '…' : ''}
            </Typography.Text>
          )}
          <Typography.Text
            type={soon ? 'warning' : 'secondary'}
            style={{ fontSize: 12, marginInlineStart: 'auto' }}
          >
            {deadlineText(t, post.deadline, today)}
          </Typography.Text>
        </Flex>
        {extra && (
          <Flex wrap gap={4} style={{ marginTop: 6 }}>
            {extra}
          </Flex>
        )}
        {footer && <div style={{ marginTop: 6 }}>{footer}</div>}
      </Card>
    </Link>
  );
}
