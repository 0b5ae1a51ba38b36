import { Card, Flex, Segmented, Statistic, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGraduateStats } from '../../../domain/api/registry.ts';
import { EmptyState } from '../../components/states.tsx';
import { percentOf, stackBars } from './stacked-bars.ts';

type TCard = 'total' | 'target' | 'registeredPoor' | 'focusCounty';
const CARDS: TCard[] = ['total', 'target', 'registeredPoor', 'focusCounty'];

/** The four headline counts of the current selection. */
export function StatCards({ stats, loading }: { stats: TGraduateStats | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors: Record<TCard, string | undefined> = {
    total: undefined,
    target: token.colorPrimary,
    registeredPoor: token.colorError,
    focusCounty: token.colorWarning,
  };
  return (
    <div className="stat-grid" style={{ marginBottom: 16 }}>
      {/* a count the field rule withholds (null) gets no card rather than a misleading zero */}
      {CARDS.filter((key) => stats?.[key] !== null).map((key) => (
        <Card key={key} size="small">
          <Statistic
            title={t(`graduates.stats.${key}`)}
            value={stats?.[key] ?? 0}
            loading={loading && !stats}
            // a zero is not an alarm: colour only counts that exist
            styles={{ content: { color: stats?.[key] ? colors[key] : undefined } }}
            suffix={
              key !== 'total' && stats ? (
                <Typography.Text type="secondary" style={{ fontSize: 13, marginInlineStart: 6 }}>
                  {t('graduates.ofTotal', { percent: percentOf(stats[key] ?? 0, stats.total) })}
                </Typography.Text>
              ) : undefined
            }
            data-testid={`graduate-stat-${key}`}
          />
        </Card>
      ))}
    </div>
  );
}

type TGroup = 'byProvince' | 'byCounty' | 'byUniversity';
const SHOWN = 12;

/** Counts by province, county or university as stacked CSS bars: target group, then the others. */
export function CountBars({ stats }: { stats: TGraduateStats | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const [group, setGroup] = useState<TGroup>('byProvince');
  const { bars, rest } = stackBars(stats?.[group] ?? [], SHOWN);
  const legend = (color: string, label: string) => (
    <Flex gap={4} align="center">
      <span className="legend-dot" style={{ background: color }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
    </Flex>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Segmented<TGroup>
          size="small"
          value={group}
          onChange={setGroup}
          options={(['byProvince', 'byCounty', 'byUniversity'] as const).map((g) => ({
            value: g,
            label: t(`graduates.${g}`),
          }))}
          data-testid="count-group"
        />
      }
      extra={
        <Flex gap="middle">
          {legend(token.colorPrimary, t('graduates.legendTarget'))}
          {legend(token.colorBorder, t('graduates.legendOther'))}
        </Flex>
      }
      data-testid="count-bars"
    >
      {bars.length === 0 && <EmptyState />}
      <div className="count-bars">
        {bars.map((bar) => (
          <Tooltip
            key={bar.code}
            title={t('graduates.barTitle', { name: bar.name, total: bar.total, target: bar.target })}
            placement="topLeft"
          >
            <div className="bar-row count-bar-row">
              <Typography.Text ellipsis>{bar.name}</Typography.Text>
              <div className="bar-track stacked" role="presentation">
                <div style={{ width: `${bar.targetWidth}%`, background: token.colorPrimary }} />
                <div style={{ width: `${bar.otherWidth}%`, background: token.colorBorder }} />
              </div>
              <Typography.Text style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                <Typography.Text strong style={{ color: token.colorPrimary }}>
                  {bar.target}
                </Typography.Text>
                {' / '}
                {bar.total}
              </Typography.Text>
            </div>
          </Tooltip>
        ))}
      </div>
      {rest > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('graduates.more', { count: rest })}
        </Typography.Text>
      )}
    </Card>
  );
}
