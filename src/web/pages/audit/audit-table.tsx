import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '../../../domain/api/audit.ts';
import type { TAuditPage } from '../../api/audit.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState } from '../../components/states.tsx';
import { AuditDiffView } from './audit-diff-view.tsx';
import { ActionTag, ShortId, useAuditLabels } from './audit-labels.tsx';

type TProps = {
  data: TAuditPage | undefined;
  loading: boolean;
  filtered: boolean;
  onPage: (page: number, pageSize: number) => void;
};

export function AuditTable({ data, loading, filtered, onPage }: TProps) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const none = t('common.none');
  const items = data?.items ?? [];
  // only a few actions carry a reason (viewing a full ID number must give one), so the column comes and goes
  const hasReason = items.some((e) => e.reason);
  const columns: ColumnsType<TAuditEvent> = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 160,
      render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: hasReason ? 120 : undefined,
      ellipsis: true,
      render: (_, e) =>
        e.actorUsername ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
    },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 210,
      render: (a: string) => <ActionTag action={a} />,
    },
    {
      key: 'entityType',
      dataIndex: 'entityType',
      title: t('audit.entityType'),
      width: 100,
      render: (v: string | null) => (v ? labels.entityType(v) : none),
    },
    {
      key: 'entityId',
      dataIndex: 'entityId',
      title: t('audit.entityId'),
      width: 130,
      render: (v: string | null) => (v ? <ShortId id={v} /> : none),
    },
    ...(hasReason
      ? [
          {
            key: 'reason',
            dataIndex: 'reason',
            title: t('audit.reason'),
            render: (v: string | null) =>
              v ? (
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: v }} style={{ marginBottom: 0 }}>
                  {v}
                </Typography.Paragraph>
              ) : (
                none
              ),
          },
        ]
      : []),
    {
      key: 'ip',
      dataIndex: 'ip',
      title: t('audit.ip'),
      width: 120,
      ellipsis: true,
      render: (v: string | null) => v ?? none,
    },
  ];

  return (
    <Table<TAuditEvent>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      scroll={{ x: hasReason ? 1000 : 900 }}
      expandable={{
        rowExpandable: (e) => e.before != null || e.after != null,
        expandedRowRender: (e) => <AuditDiffView before={e.before} after={e.after} />,
      }}
      pagination={serverPagination(
        t,
        { page: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0 },
        onPage,
      )}
      locale={{ emptyText: <EmptyState filtered={filtered} /> }}
      data-testid="audit-table"
    />
  );
}
