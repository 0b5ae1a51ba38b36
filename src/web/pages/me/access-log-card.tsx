import { Card, Divider, Flex, Pagination, type PaginationProps, Typography } from 'antd';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAccessLogItem } from '../../../domain/api/portal.ts';
import { useAccessLog } from '../../api/me.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { useCardSize } from './card-size.ts';
import { formatTime } from './me-format.ts';

/**
 * Who viewed or changed my record (case page and evidence reads, reveals, edits, exports): what, who in which
 * role from which org, and when; newest first, a page at a time.
 */
export function AccessLogCard() {
  const { t } = useTranslation();
  const size = useCardSize();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const log = useAccessLog(paging.page, paging.pageSize);

  /** who, in which role, from which org: 张老师 · 辅导员 · 某某学院 */
  const whoOf = (item: TAccessLogItem) => {
    if (item.bySelf) return t('me.accessLog.you');
    return [
      item.actorName ?? t('me.accessLog.system'),
      item.role ? t(`roles.${item.role}`) : null,
      item.orgName,
    ]
      .filter(Boolean)
      .join(' · ');
  };

  const body = () => {
    if (log.isPending) return <LoadingState />;
    if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
    if (log.data.items.length === 0) return <EmptyState />;
    const pagination: PaginationProps = serverPagination(
      t,
      { ...paging, total: log.data.total },
      (page, pageSize) => setPaging({ page, pageSize }),
    );
    return (
      <>
        {log.data.items.map((item, i) => (
          <Fragment key={item.id}>
            {i > 0 && <Divider style={{ margin: '8px 0' }} />}
            <Flex vertical data-testid="me-access-item">
              <Typography.Text strong>{t(`me.accessLabels.${item.label}`)}</Typography.Text>
              <Typography.Text type="secondary" data-testid="me-access-who">
                {whoOf(item)}
              </Typography.Text>
              <Typography.Text type="secondary" className="mono">
                {formatTime(item.at)}
              </Typography.Text>
            </Flex>
          </Fragment>
        ))}
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Pagination {...pagination} size="small" showSizeChanger={false} />
        </Flex>
      </>
    );
  };

  return (
    <Card size={size} title={t('me.accessLog.title')} data-testid="me-access-log">
      <Typography.Paragraph type="secondary">{t('me.accessLog.hint')}</Typography.Paragraph>
      {body()}
    </Card>
  );
}
