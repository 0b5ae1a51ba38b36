import { Col, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSelfCase } from '../../api/me.ts';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { AccessLogCard } from './access-log-card.tsx';
import { ContactsCard } from './contacts-card.tsx';
import { MeHeader } from './me-tabs.tsx';
import { NeedsCard } from './needs-card.tsx';
import { ProfileCard } from './profile-card.tsx';
import { ProgressCard } from './progress-card.tsx';
import { ProgressList } from './progress-list.tsx';

/**
 * 我的就业服务: the graduate's own record on a phone — contacts, intention and needs, progress (with evidence),
 * and who looked at the record. One column on a phone, two from a tablet up.
 */
export function MePage() {
  const { t } = useTranslation();
  const self = useSelfCase();

  const content = () => {
    if (self.isPending) return <LoadingState />;
    if (self.isError) return <ErrorState error={self.error} onRetry={() => void self.refetch()} />;
    const record = self.data.record;
    if (!record) return <Result status="info" title={t('me.noRecord')} data-testid="me-no-record" />;
    return (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ContactsCard record={record} />
            </Col>
            <Col span={24}>
              {/* a saved answer re-mounts the form with what the server stored */}
              <NeedsCard key={`${record.version}`} record={record} />
            </Col>
          </Row>
        </Col>
        <Col xs={24} lg={12}>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <ProgressCard />
            </Col>
            <Col span={24}>
              <ProgressList record={record} />
            </Col>
            <Col span={24}>
              <ProfileCard record={record} />
            </Col>
            <Col span={24}>
              <AccessLogCard />
            </Col>
          </Row>
        </Col>
      </Row>
    );
  };

  return (
    <div data-testid="me-page">
      <MeHeader title={t('me.title')} />
      {content()}
    </div>
  );
}
