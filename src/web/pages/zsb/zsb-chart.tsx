import { Card, Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TZsbReportRowApi } from '../../../domain/api/opportunities.ts';

type TSeries = 'quota' | 'applicants' | 'admitted';
const SERIES: TSeries[] = ['quota', 'applicants', 'admitted'];

/**
 * Places, applicants and admissions per province as grouped CSS bars on one scale (a dozen provinces at most;
 * like the other charts of the app, not worth a chart library).
 */
export function ZsbChart({ rows }: { rows: TZsbReportRowApi[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const colors: Record<TSeries, string> = {
    quota: token.colorPrimary,
    applicants: token.gold6,
    admitted: token.colorSuccess,
  };
  const max = Math.max(1, ...rows.flatMap((r) => [r.quota ?? 0, r.applicants, r.admitted]));
  return (
    <Card
      size="small"
      title={t('opportunities.zsb.chart')}
      style={{ marginBottom: 16 }}
      extra={
        <Flex gap="middle" wrap>
          {SERIES.map((s) => (
            <Flex key={s} gap={4} align="center">
              <span className="legend-dot" style={{ background: colors[s] }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`opportunities.zsb.${s}`)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      }
      data-testid="zsb-chart"
    >
      <div className="count-bars">
        {rows.map((r) => (
          <div key={r.provinceCode} style={{ breakInside: 'avoid', marginBottom: 12 }}>
            <Typography.Text strong>{r.provinceName}</Typography.Text>
            {SERIES.map((s) => {
              const value = r[s];
              return (
                <Tooltip
                  key={s}
                  title={`${r.provinceName} · ${t(`opportunities.zsb.${s}`)} ${value ?? t('opportunities.zsb.noPlan')}`}
                >
                  <div className="bar-row" style={{ gridTemplateColumns: '5em 1fr 3.5em', marginBottom: 3 }}>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`opportunities.zsb.${s}`)}
                    </Typography.Text>
                    <div className="bar-track" role="presentation" style={{ height: 10 }}>
                      <div
                        className="bar-fill"
                        style={{ width: `${((value ?? 0) / max) * 100}%`, background: colors[s] }}
                      />
                    </div>
                    <Typography.Text className="mono" style={{ textAlign: 'end', fontSize: 12 }}>
                      {value ?? t('common.none')}
                    </Typography.Text>
                  </div>
                </Tooltip>
              );
            })}
          </div>
        ))}
      </div>
    </Card>
  );
}
