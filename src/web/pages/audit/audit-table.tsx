import { Col, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '../../../domain/api/audit.ts';
import type { TAuditPage } from '../../api/audit.ts';
import { EmptyState } from '../../components/states.tsx';
import { PAGE_SIZES } from './audit-search.ts';

type TProps = {
  data: TAuditPage | undefined;
  loading: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
};

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block">{value == null ? t('audit.noData') : JSON.stringify(value, null, 2)}</pre>
    </>
  );
}

export function AuditTable({ data, loading, filtered, onPage }: TProps) {
  const { t } = useTranslation();
  const none = t('common.none');
  const columns: ColumnsType<TAuditEvent> = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 170,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      render: (_, e) =>
        e.actorUsername ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    { key: 'action', dataIndex: 'action', title: t('audit.action'), render: (a: string) => <Tag>{a}</Tag> },
    { key: 'entityType', dataIndex: 'entityType', title: t('audit.entityType'), render: (v) => v ?? none },
    {
      key: 'entityId',
      dataIndex: 'entityId',
      title: t('audit.entityId'),
      ellipsis: true,
      render: (v) => v ?? none,
    },
    {
      key: 'reason',
      dataIndex: 'reason',
      title: t('audit.reason'),
      ellipsis: true,
      render: (v) => v ?? none,
    },
    { key: 'ip', dataIndex: 'ip', title: t('audit.ip'), width: 130, render: (v) => v ?? none },
  ];

  return (
    <Table<TAuditEvent>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 900 }}
      expandable={{
        rowExpandable: (e) => e.before != null || e.after != null,
        expandedRowRender: (e) => (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <JsonBlock title={t('audit.before')} value={e.before} />
            </Col>
            <Col xs={24} md={12}>
              <JsonBlock title={t('audit.after')} value={e.after} />
            </Col>
          </Row>
        ),
      }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [...PAGE_SIZES],
        showTotal: (n) => t('common.total', { count: n }),
        onChange: onPage,
      }}
      locale={{ emptyText: <EmptyState filtered={filtered} /> }}
      data-testid="audit-table"
    />
  );
}
