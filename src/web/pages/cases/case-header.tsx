import { ArrowLeftOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { SelfAccountButton } from '../me/self-account-button.tsx';
import { formatDate } from './case-labels.ts';
import { DueTags, SiqingTags, StageTag, StatusTag } from './case-tags.tsx';
import { ResponsiblePerson } from './responsible-person.tsx';
import { StatusModal } from './status-modal.tsx';

/**
 * The top of the case page: who, where the case is held and since when, the helper, the 四清 flags with the
 * rule behind each, and what is due.
 */
export function CaseHeader({ detail, canEdit }: { detail: TCaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const [statusOpen, setStatusOpen] = useState(false);
  const g = detail.graduate;
  useDocumentTitle(t('cases.caseTitle', { name: g.name }));
  const handed = detail.stage === 'handed_over';
  const flags = {
    profile: detail.siqing.profile.ok,
    needs: detail.siqing.needs.ok,
    measures: detail.siqing.measures.ok,
    progress: detail.siqing.progress.ok,
  };
  const where = [g.universityName, g.collegeName, g.className, g.majorName].filter(Boolean).join(' · ');

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="case-header">
      <Flex justify="space-between" align="start" wrap gap="small">
        <div>
          <Space align="center" wrap size="small">
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-name">
              {g.name}
            </Typography.Title>
            <StatusTag status={detail.status} />
            <StageTag stage={detail.stage} />
          </Space>
          <div>
            <Typography.Text type="secondary">
              {where} · {t('graduates.cohortOption', { year: g.cohort })}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {canEdit && (
            <Button icon={<SwapOutlined />} onClick={() => setStatusOpen(true)} data-testid="status-open">
              {t('cases.setStatus')}
            </Button>
          )}
          {canEdit && <SelfAccountButton caseId={detail.id} />}
          <Link to="/cases">
            <Button icon={<ArrowLeftOutlined />}>{t('cases.back')}</Button>
          </Link>
        </Space>
      </Flex>
      <Flex gap="large" wrap style={{ marginTop: 12 }}>
        <Typography.Text data-testid="case-holder">
          {t('cases.holder', { org: detail.holderOrg.name })}
          <Typography.Text type="secondary">
            {' '}
            {handed && detail.handedOverAt
              ? t('cases.holderSince', { date: formatDate(detail.handedOverAt) })
              : t('cases.openedOn', { date: formatDate(detail.openedAt) })}
          </Typography.Text>
        </Typography.Text>
        <Typography.Text data-testid="case-helper">
          {t('cases.labelled', { label: t('cases.helper') })}
          {detail.helper ? (
            t('cases.helperSince', { name: detail.helper.name, date: formatDate(detail.helper.since) })
          ) : (
            <Typography.Text type="danger">{t('cases.noHelper')}</Typography.Text>
          )}
        </Typography.Text>
        {handed && <ResponsiblePerson detail={detail} canEdit={canEdit} />}
        <Typography.Text>
          {t('cases.labelled', { label: t('cases.counselors') })}
          {detail.counselors.length > 0 ? (
            detail.counselors.join('、')
          ) : (
            // nobody keeps the class: the case is in no counselor's caseload (issue 22)
            <Tooltip title={t('staff.ledger.noCounselorHint')}>
              <Typography.Text type="warning" strong data-testid="case-no-counselor">
                ⚠ {t('cases.noCounselor')}
              </Typography.Text>
            </Tooltip>
          )}
        </Typography.Text>
      </Flex>
      <Flex gap="large" wrap style={{ marginTop: 12 }} align="center">
        <Space size="small" align="center">
          <Typography.Text type="secondary">{t('cases.col.siqing')}</Typography.Text>
          <SiqingTags flags={flags} detail={detail.siqing} full />
        </Space>
        <Space size="small" align="center" data-testid="case-due">
          <Typography.Text type="secondary">{t('cases.dueTitle')}</Typography.Text>
          <DueTags due={detail.due} upcoming={detail.due.length} />
        </Space>
      </Flex>
      {canEdit && <StatusModal detail={detail} open={statusOpen} onClose={() => setStatusOpen(false)} />}
    </Card>
  );
}
