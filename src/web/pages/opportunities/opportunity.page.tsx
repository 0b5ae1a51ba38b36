import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { TOpportunityDetail } from '../../../domain/api/opportunities.ts';
import { hasPermission } from '../../../domain/roles.ts';
import { useOpportunity } from '../../api/opportunities.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { useRegionNames } from '../cases/region-select.tsx';
import { ApplicantsTable } from './applicants-table.tsx';
import { useMajorNames } from './major-select.tsx';
import { isPreferredRule, prefixToRegionCode, ruleText, salaryText } from './opportunity-labels.ts';
import {
  DeadlineText,
  EmployerTags,
  KindTag,
  PostStatusTag,
  TargetPriorityTag,
} from './opportunity-tags.tsx';
import { PostActions } from './post-actions.tsx';

/** One post: what it offers, who may apply (its conditions explained), how many applied and, for the owner, who. */
export function OpportunityPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const post = useOpportunity(id);
  const back = (
    <Link to="/opportunities">
      <Button icon={<ArrowLeftOutlined />}>{t('opportunities.detail.back')}</Button>
    </Link>
  );
  if (post.isPending) return <LoadingState />;
  if (post.isError) {
    return (
      <>
        <PageHeader title={t('nav.opportunities')} extra={back} />
        <ErrorState error={post.error} onRetry={() => void post.refetch()} />
      </>
    );
  }
  const p = post.data;
  const manage = p.canEdit && hasPermission(me.roles, 'opportunities.manage');
  return (
    <div key={p.id}>
      <PageHeader
        title={p.title}
        extra={
          <Flex gap="small" wrap>
            {manage && <PostActions post={p} size="middle" onDeleted={() => navigate('/opportunities')} />}
            {back}
          </Flex>
        }
      />
      <Flex gap="small" wrap align="center" style={{ marginBottom: 16 }}>
        <KindTag kind={p.kind} />
        <PostStatusTag status={p.status} expired={p.expired} />
        {p.targetPriority && <TargetPriorityTag />}
        <Typography.Text type="secondary">
          {t('opportunities.detail.updatedAt', { time: dayjs(p.updatedAt).format('YYYY-MM-DD HH:mm') })}
        </Typography.Text>
      </Flex>
      {p.status === 'draft' && p.canEdit && (
        <Alert
          type="info"
          showIcon
          title={t('opportunities.detail.draftHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      {!p.canEdit && (
        <Alert
          type="info"
          showIcon
          title={t('opportunities.detail.notOwner', { owner: p.owner.name })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <PostFacts post={p} />
          <RulesCard post={p} />
        </Col>
        <Col xs={24} lg={8}>
          <CountsCard post={p} />
        </Col>
      </Row>
      {manage && <ApplicantsTable postId={p.id} audience="staff" />}
    </div>
  );
}

function PostFacts({ post: p }: { post: TOpportunityDetail }) {
  const { t } = useTranslation();
  const majorName = useMajorNames();
  const none = t('common.none');
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="post-facts">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('opportunities.detail.owner')}>{p.owner.name}</Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.employer')}>
          {p.employer ? (
            <Flex gap={6} wrap>
              {p.employer.name}
              <EmployerTags tags={p.employer.tags} />
            </Flex>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.regions')}>
          {p.regionNames.join('、') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.deadline')}>
          <DeadlineText post={p} />
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.minLevel')}>
          {p.minLevel ? t(`graduates.levels.${p.minLevel}`) : t('opportunities.unlimited')}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.quota')}>
          {p.quota ?? t('opportunities.quotaOpen')}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.majors')} span={2}>
          {p.majorPrefixes.length === 0 ? (
            t('opportunities.unlimited')
          ) : (
            <Flex gap={4} wrap>
              {p.majorPrefixes.map((c) => (
                <Tag key={c} style={{ marginInlineEnd: 0 }}>
                  {majorName(c) ? `${majorName(c)}（${c}）` : c}
                </Tag>
              ))}
            </Flex>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.salary')}>
          {salaryText(t, p.salaryMin, p.salaryMax)}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.industry')}>
          {p.industry ? t(`cases.industries.${p.industry}`) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.postKind')}>
          {p.postKind ? t(`cases.postKinds.${p.postKind}`) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.cohort')}>
          {p.cohort ? t('opportunities.cohortOption', { year: p.cohort }) : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('opportunities.detail.description')} span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {p.description || t('opportunities.detail.noDescription')}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The post's own conditions, each in a sentence; required ones exclude, preferred ones only rank. */
function RulesCard({ post: p }: { post: TOpportunityDetail }) {
  const { t } = useTranslation();
  const majorName = useMajorNames();
  const domicile = p.eligibilityRules.flatMap((r) =>
    r.kind === 'domicile_regions' ? r.codes.map(prefixToRegionCode) : [],
  );
  const regionNames = useRegionNames(domicile);
  return (
    <Card
      size="small"
      title={t('opportunities.detail.rules')}
      style={{ marginBottom: 16 }}
      data-testid="post-rules"
    >
      {p.eligibilityRules.length === 0 ? (
        <Typography.Text type="secondary">{t('opportunities.detail.noRules')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={p.eligibilityRules}
          renderItem={(rule) => (
            <List.Item>
              <Flex gap="small" align="center">
                <Tag color={isPreferredRule(rule) ? 'blue' : 'default'}>
                  {isPreferredRule(rule)
                    ? t('opportunities.detail.preferredRule')
                    : t('opportunities.detail.hardRule')}
                </Tag>
                <Typography.Text>
                  {ruleText(t, rule, { major: majorName, region: (c) => regionNames.get(c) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function CountsCard({ post: p }: { post: TOpportunityDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('opportunities.detail.counts')} data-testid="post-counts">
      <div className="stat-grid">
        <Statistic title={t('opportunities.detail.applicants')} value={p.applicants} />
        <Statistic title={t('opportunities.detail.quotaUsed')} value={p.quotaUsed} />
        {p.quota === null ? (
          <Statistic
            title={t('opportunities.detail.quotaLeft')}
            value={t('opportunities.detail.quotaUnlimited')}
          />
        ) : (
          <Statistic
            title={t('opportunities.detail.quotaLeft')}
            value={Math.max(p.quota - p.quotaUsed, 0)}
            suffix={`/ ${p.quota}`}
          />
        )}
      </div>
    </Card>
  );
}
