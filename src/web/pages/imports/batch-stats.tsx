import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportCounts } from '../../../domain/api/imports.ts';

type TKey = keyof TImportCounts;
const KEYS: TKey[] = ['total', 'new', 'updated', 'unchanged', 'errors', 'review', 'targetMatched'];
const HINTED = new Set<TKey>(['targetMatched', 'review']);

/** One card per count; errors in red once there are any, review in amber. */
export function BatchStats({ counts }: { counts: Partial<TImportCounts> }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const color = (key: TKey): string | undefined => {
    const n = counts[key] ?? 0;
    if (key === 'errors' && n > 0) return token.colorError;
    if (key === 'review' && n > 0) return token.colorWarning;
    if (key === 'new' && n > 0) return token.colorSuccess;
    if (key === 'targetMatched' && n > 0) return token.colorPrimary;
    return undefined;
  };
  return (
    <div className="stat-grid" style={{ marginBottom: 16 }}>
      {KEYS.map((key) => (
        <Card key={key} size="small" style={{ height: '100%' }}>
          <Statistic
            title={
              HINTED.has(key as 'review') ? (
                <Tooltip title={t(`imports.statsHint.${key as 'review' | 'targetMatched'}`)}>
                  <span>
                    {t(`imports.stats.${key}`)} <InfoCircleOutlined />
                  </span>
                </Tooltip>
              ) : (
                t(`imports.stats.${key}`)
              )
            }
            value={counts[key] ?? 0}
            styles={{ content: { color: color(key) } }}
            data-testid={`batch-stat-${key}`}
          />
        </Card>
      ))}
    </div>
  );
}
