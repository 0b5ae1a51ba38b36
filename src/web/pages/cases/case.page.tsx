import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Row, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { TCaseDetail } from '../../../domain/api/ledger.ts';
import { useCase } from '../../api/cases.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { CaseHeader } from './case-header.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { DestinationSection } from './destination-section.tsx';
import { FollowUpSection } from './follow-up-section.tsx';
import { MeasuresSection } from './measures-section.tsx';
import { NeedsSection } from './needs-section.tsx';
import { PairingHistory } from './pairing-history.tsx';
import { PlanSection } from './plan-section.tsx';
import { ProfileCard } from './profile-card.tsx';
import { ProgressSection } from './progress-section.tsx';
import { RecommendSection } from './recommend-section.tsx';

const TABS = ['followUp', 'measures', 'needs', 'plan', 'progress', 'destination', 'recommend'] as const;
type TTab = (typeof TABS)[number];

/** Which sections have something to do: a red dot on the tab. */
function attention(d: TCaseDetail): Partial<Record<TTab, boolean>> {
  const overdue = (rule: string) => d.due.some((x) => x.rule === rule && x.overdue);
  return {
    followUp: overdue('follow_up'),
    measures: overdue('measure') || !d.siqing.measures.ok,
    needs: overdue('needs') || !d.siqing.needs.ok,
    progress: !d.siqing.progress.ok,
  };
}

/** 一人一策 case page: header, sections in tabs, the profile, the 一帮一 history and the timeline. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const detail = useCase(id);
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'followUp';

  if (detail.isPending) return <LoadingState />;
  if (detail.isError) {
    return (
      <>
        <PageHeader
          title={t('nav.cases')}
          extra={
            <Link to="/cases">
              <Button icon={<ArrowLeftOutlined />}>{t('cases.back')}</Button>
            </Link>
          }
        />
        <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const d = detail.data;
  const readOnly = d.writeDenial !== null;
  const dots = attention(d);
  const sections: Record<TTab, ReactNode> = {
    followUp: <FollowUpSection detail={d} readOnly={readOnly} />,
    measures: <MeasuresSection detail={d} readOnly={readOnly} />,
    needs: <NeedsSection detail={d} readOnly={readOnly} />,
    plan: <PlanSection detail={d} readOnly={readOnly} />,
    progress: <ProgressSection detail={d} readOnly={readOnly} />,
    destination: <DestinationSection detail={d} readOnly={readOnly} />,
    recommend: <RecommendSection detail={d} readOnly={readOnly} />,
  };

  return (
    // another case (a link from the timeline, the back button) starts with fresh forms
    <div key={d.id}>
      <CaseHeader detail={d} canEdit={!readOnly} />
      {d.writeDenial && (
        <Alert
          type={d.writeDenial === 'handed_over' ? 'info' : 'warning'}
          showIcon
          title={t(`cases.writeDenial.${d.writeDenial}`)}
          description={t(`cases.writeDenial.${d.writeDenial}Hint`)}
          style={{ marginBottom: 16 }}
          data-testid="write-denial"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Tabs
              activeKey={tab}
              onChange={(key) => {
                const next = new URLSearchParams(params);
                if (key === 'followUp') next.delete('tab');
                else next.set('tab', key);
                setParams(next, { replace: true });
              }}
              items={TABS.map((key) => ({
                key,
                label: (
                  <Badge dot={Boolean(dots[key])} offset={[4, 0]}>
                    <span data-testid={`tab-${key}`}>
                      {key === 'recommend' ? t('matching.tab') : t(`cases.tabs.${key}`)}
                    </span>
                  </Badge>
                ),
                children: sections[key],
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <ProfileCard detail={d} canEdit={!readOnly} />
          <PairingHistory caseId={d.id} />
          <CaseTimeline caseId={d.id} />
        </Col>
      </Row>
    </div>
  );
}
