import { Alert, Button, Card, Flex, Progress, Statistic, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPairingCoverage } from '../../../domain/api/pairing.ts';
import { DefinedLabel } from '../../components/defined-label.tsx';
import { coveragePercent } from './pairing-model.ts';

/** The four headline counts: cases at school, paired (with the coverage), to pair, overdue. */
export function CoverageCards({
  coverage,
  loading,
}: {
  coverage: TPairingCoverage | undefined;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const c = coverage;
  const secondary = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 13, marginInlineStart: 6 }}>
      {text}
    </Typography.Text>
  );
  return (
    <div className="stat-grid" style={{ marginBottom: 16 }} data-testid="pairing-coverage">
      <Card size="small">
        <Statistic
          title={<DefinedLabel label={t('pairing.stats.cases')} definition={t('pairing.stats.casesHint')} />}
          value={c?.cases ?? 0}
          loading={loading && !c}
        />
        {c && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pairing-breakdown">
            {t('pairing.stats.breakdown', { notNeeded: c.notNeeded, handedOver: c.handedOver })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small">
        <Statistic
          title={
            <DefinedLabel label={t('pairing.stats.paired')} definition={t('pairing.stats.pairedHint')} />
          }
          value={c?.paired ?? 0}
          loading={loading && !c}
          styles={{ content: { color: c?.paired ? token.colorSuccess : undefined } }}
          suffix={
            c
              ? secondary(t('pairing.stats.coverage', { percent: coveragePercent(c.paired, c.unpaired) }))
              : null
          }
        />
      </Card>
      <Card size="small">
        <Statistic
          title={
            <DefinedLabel label={t('pairing.stats.unpaired')} definition={t('pairing.stats.unpairedHint')} />
          }
          value={c?.unpaired ?? 0}
          loading={loading && !c}
          styles={{ content: { color: c?.unpaired ? token.colorWarning : undefined } }}
          data-testid="pairing-stat-unpaired"
        />
      </Card>
      <Card size="small">
        <Statistic
          title={
            <DefinedLabel
              label={t('pairing.stats.overdue')}
              definition={t('pairing.stats.overdueHint', { days: c?.pairWithinDays ?? 0 })}
            />
          }
          value={c?.unpairedOverdue ?? 0}
          loading={loading && !c}
          styles={{ content: { color: c?.unpairedOverdue ? token.colorError : undefined } }}
        />
      </Card>
    </div>
  );
}

/** Per-college progress bars; a college's name filters the list of graduates to pair. */
export function CollegeProgress({
  coverage,
  activeCollegeId,
  onPick,
}: {
  coverage: TPairingCoverage | undefined;
  activeCollegeId: string | undefined;
  onPick: (collegeId: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const rows = coverage?.colleges ?? [];
  return (
    <Card
      size="small"
      title={t('pairing.colleges.title')}
      extra={
        rows.length > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pairing.colleges.hint')}
          </Typography.Text>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="pairing-colleges"
    >
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('pairing.colleges.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {rows.map((r) => {
            const need = r.paired + r.unpaired;
            const active = r.collegeId !== null && r.collegeId === activeCollegeId;
            return (
              <Flex key={r.collegeId ?? 'none'} align="center" gap="small" wrap>
                <Button
                  type={active ? 'primary' : 'link'}
                  size="small"
                  disabled={r.collegeId === null}
                  onClick={() => onPick(active || r.collegeId === null ? undefined : r.collegeId)}
                  style={{ width: 160, justifyContent: 'flex-start', overflow: 'hidden' }}
                  title={r.collegeName}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {r.collegeId === null ? t('pairing.noCollege') : r.collegeName}
                  </span>
                </Button>
                <Progress
                  percent={coveragePercent(r.paired, r.unpaired)}
                  status={r.unpaired === 0 ? 'success' : 'active'}
                  style={{ flex: 1, minWidth: 160, margin: 0 }}
                  aria-label={r.collegeName}
                />
                <Typography.Text type="secondary" style={{ width: 150, fontSize: 12 }}>
                  {t('pairing.colleges.line', { paired: r.paired, need })}
                </Typography.Text>
              </Flex>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

/** The notice asks every university leader to help at least one graduate: who does not yet. */
export function LeadersAlert({ coverage }: { coverage: TPairingCoverage | undefined }) {
  const { t } = useTranslation();
  if (!coverage) return null;
  if (coverage.leaderCount === 0) {
    return <Alert type="info" showIcon title={t('pairing.leaders.none')} style={{ marginBottom: 16 }} />;
  }
  if (coverage.leadersWithoutGraduate.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('pairing.leaders.allPaired', { count: coverage.leaderCount })}
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="pairing-leaders-missing"
      title={
        <>
          {t('pairing.leaders.missing')}
          {coverage.leadersWithoutGraduate.map((l) => (
            <Tag key={l.userId} style={{ marginInlineStart: 6 }}>
              {l.name}
              {l.everPaired && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  ({t('pairing.leaders.everPaired')})
                </Typography.Text>
              )}
            </Tag>
          ))}
        </>
      }
    />
  );
}
