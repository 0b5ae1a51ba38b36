import { Card, Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { stageBars, type TStageCounts } from './funnel-model.ts';

/**
 * The total funnel as CSS bars, one per stage, each as wide as its share of the pushes, with the count, the
 * share and the step's own conversion (like the graduate page's bars: no chart library for six numbers).
 */
export function FunnelChart({ counts }: { counts: TStageCounts }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const bars = stageBars(counts);
  return (
    <Card
      size="small"
      title={t('matching.funnel.chart')}
      style={{ marginBottom: 16 }}
      data-testid="funnel-chart"
    >
      <Flex vertical gap={6}>
        {bars.map((b, i) => (
          <div
            key={b.stage}
            className="bar-row"
            style={{ gridTemplateColumns: '5em 1fr 12em' }}
            data-testid={`funnel-stage-${b.stage}`}
          >
            <Typography.Text>{t(`matching.stages.${b.stage}`)}</Typography.Text>
            <Tooltip title={t('matching.funnel.rate', { percent: b.ofPushed })} placement="topLeft">
              <div className="bar-track" style={{ height: 18, borderRadius: 4 }}>
                <div
                  className="bar-fill"
                  style={{
                    borderRadius: 4,
                    width: `${Math.max(b.ofPushed, b.count > 0 ? 1 : 0)}%`,
                    // deeper as the graduate gets further
                    background: token.colorPrimary,
                    opacity: 0.45 + (0.55 * i) / (bars.length - 1),
                  }}
                />
              </div>
            </Tooltip>
            <Flex gap={8} align="baseline" style={{ whiteSpace: 'nowrap' }}>
              <Typography.Text strong className="mono" data-testid="funnel-count">
                {b.count}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {b.ofPrevious === null
                  ? t('matching.funnel.rate', { percent: b.ofPushed })
                  : t('matching.funnel.step', { percent: b.ofPrevious })}
              </Typography.Text>
            </Flex>
          </div>
        ))}
      </Flex>
    </Card>
  );
}
