import { Card, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFocusCounty } from '../../../../domain/api/reference.ts';
import { EmptyState } from '../../../components/states.tsx';

/** Counts per province, most first; a plain CSS bar chart, since one bar list does not justify ECharts. */
export function countByProvince(rows: TFocusCounty[]): { province: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.provinceName, (counts.get(row.provinceName) ?? 0) + 1);
  return [...counts]
    .map(([province, count]) => ({ province, count }))
    .sort((a, b) => b.count - a.count || a.province.localeCompare(b.province, 'zh-CN'));
}

export function ProvinceBars({ rows }: { rows: TFocusCounty[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const bars = countByProvince(rows);
  const max = Math.max(1, ...bars.map((b) => b.count));

  return (
    <Card title={t('focus.byProvince')} size="small" data-testid="province-bars">
      {bars.length === 0 && <EmptyState filtered />}
      {bars.map(({ province, count }) => (
        <div className="bar-row" key={province}>
          <Typography.Text ellipsis={{ tooltip: province }}>{province}</Typography.Text>
          <div className="bar-track" role="presentation">
            <div
              className="bar-fill"
              style={{ width: `${(count / max) * 100}%`, background: token.colorError }}
            />
          </div>
          <Typography.Text strong style={{ textAlign: 'end' }}>
            {count}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}
