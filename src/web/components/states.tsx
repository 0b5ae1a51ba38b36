import { Button, Empty, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client.ts';
import { useErrorMessage } from '../i18n/error-message.ts';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <div className="state-box" role="status" aria-live="polite">
      <Spin description={t('common.loading')} />
    </div>
  );
}

/** A failed load, with the translated reason and a retry when retrying can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const forbidden = isApiError(error, 403);
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={message(error)}
      extra={
        onRetry && !forbidden ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** Empty state for lists; `filtered` says the filter, not the data, is why nothing shows. */
export function EmptyState({ filtered = false }: { filtered?: boolean }) {
  const { t } = useTranslation();
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={filtered ? t('common.noMatch') : t('common.empty')}
    />
  );
}
