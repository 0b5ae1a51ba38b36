import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TEmployer } from '../../../domain/api/opportunities.ts';
import type { TEmployerStatus } from '../../../domain/opportunities/codes.ts';
import { formatDate } from '../cases/case-labels.ts';
import { EmployerTags } from '../opportunities/opportunity-tags.tsx';

const STATUS_COLORS: Record<TEmployerStatus, string> = {
  pending: 'processing',
  approved: 'success',
  rejected: 'error',
};

/** The registration's review, said plainly: awaiting review, not approved (with the note), or never registered. */
export function ReviewState({ employer }: { employer: TEmployer | null }) {
  const { t } = useTranslation();
  if (!employer) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('employerPortal.review.noProfileTitle')}
        description={t('employerPortal.review.noProfileDetail')}
        data-testid="employer-no-profile"
      />
    );
  }
  if (employer.status === 'pending') {
    return (
      <Alert
        type="info"
        showIcon
        title={t('employerPortal.review.pendingTitle')}
        description={t('employerPortal.review.pendingDetail', {
          contact: `${employer.contactName} ${employer.contactPhone}`,
        })}
        style={{ marginBottom: 16 }}
        data-testid="employer-pending"
      />
    );
  }
  if (employer.status === 'rejected') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('employerPortal.review.rejectedTitle')}
        description={t('employerPortal.review.rejectedDetail', {
          note: employer.reviewNote || t('employerPortal.review.noNote'),
        })}
        style={{ marginBottom: 16 }}
        data-testid="employer-rejected"
      />
    );
  }
  return null;
}

/** Who we are as the platform knows it: name, credit code, region, industry, tags and the review. */
export function EmployerSummary({ employer }: { employer: TEmployer }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="employer-summary">
      <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 8 }}>
        <Typography.Text strong style={{ fontSize: 16 }}>
          {employer.name}
        </Typography.Text>
        <Flex gap={4} align="center" wrap>
          <EmployerTags tags={employer.tags} />
          <Tag color={STATUS_COLORS[employer.status]} data-testid="employer-status">
            {t(`employers.statuses.${employer.status}`)}
          </Tag>
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'credit',
            label: t('employerPortal.profile.creditCode'),
            children: <span className="mono">{employer.creditCode}</span>,
          },
          {
            key: 'region',
            label: t('employerPortal.profile.region'),
            children: employer.regionName ?? employer.regionCode,
          },
          {
            key: 'industry',
            label: t('employerPortal.profile.industry'),
            children: t(`cases.industries.${employer.industry}`),
          },
          employer.status === 'pending'
            ? {
                key: 'submitted',
                label: t('employerPortal.review.submittedAt'),
                children: formatDate(employer.createdAt),
              }
            : {
                key: 'reviewed',
                label: t('employerPortal.profile.reviewedAt'),
                children: formatDate(employer.reviewedAt) || t('common.none'),
              },
        ]}
      />
    </Card>
  );
}
