import { Badge, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useHealth } from '../../api/health.ts';

/** Server health: green when the API and database answer, orange when degraded, red when unreachable. */
export function HealthBadge() {
  const { t } = useTranslation();
  const health = useHealth();
  if (health.isPending) return <Badge status="processing" text={t('home.health')} />;
  // a 503 without a health body still means something answered: degraded rather than down
  if (health.isError) {
    const degraded = isApiError(health.error, 503);
    return (
      <Badge
        status={degraded ? 'warning' : 'error'}
        text={`${t('home.health')}: ${degraded ? t('home.healthDegraded') : t('home.healthDown')}`}
        data-testid="health"
      />
    );
  }
  const { status, version, database } = health.data;
  return (
    <Tooltip
      title={t('home.healthDetail', {
        version,
        driver: database.driver,
        latency: database.latencyMs.toFixed(1),
      })}
    >
      <Badge
        status={status === 'ok' ? 'success' : 'warning'}
        text={`${t('home.health')}: ${status === 'ok' ? t('home.healthOk') : t('home.healthDegraded')}`}
        data-testid="health"
      />
    </Tooltip>
  );
}
