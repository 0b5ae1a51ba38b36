import { Button, Empty, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TImportBatch } from '../../../domain/api/imports.ts';
import type { TImportPage } from '../../api/imports.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { EmptyState } from '../../components/states.tsx';
import { BatchStatusTag, CountsSummary, KindTag } from './import-labels.tsx';
import { formatBytes } from './import-model.ts';

type TProps = {
  data: TImportPage | undefined;
  loading: boolean;
  filtered: boolean;
  canUpload: boolean;
  onUpload: () => void;
  onPage: (page: number, pageSize: number) => void;
};

export function ImportTable({ data, loading, filtered, canUpload, onUpload, onPage }: TProps) {
  const { t } = useTranslation();
  const columns: ColumnsType<TImportBatch> = [
    {
      key: 'kind',
      title: t('imports.kind'),
      width: 130,
      render: (_, b) => <KindTag kind={b.kind} />,
    },
    {
      key: 'file',
      title: t('imports.fileName'),
      render: (_, b) => (
        <>
          <Link to={`/imports/${b.id}`} data-testid="batch-link">
            {b.fileName}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatBytes(b.fileSize)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      key: 'university',
      title: t('imports.university'),
      width: 160,
      render: (_, b) =>
        b.universityName ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'cohort',
      title: t('imports.cohort'),
      dataIndex: 'cohort',
      width: 90,
      render: (c: number | null) => c ?? t('common.none'),
    },
    {
      key: 'status',
      title: t('imports.status'),
      width: 100,
      render: (_, b) => <BatchStatusTag status={b.status} />,
    },
    { key: 'counts', title: t('imports.rows'), width: 260, render: (_, b) => <CountsSummary batch={b} /> },
    {
      key: 'createdAt',
      title: t('imports.createdAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (at: string) => (
        <Tooltip title={dayjs(at).format('YYYY-MM-DD HH:mm:ss')}>
          <span>{dayjs(at).format('YYYY-MM-DD HH:mm')}</span>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: t('imports.actions'),
      width: 80,
      fixed: 'end',
      render: (_, b) => (
        <Link to={`/imports/${b.id}`}>
          <Button type="link" size="small">
            {t('imports.open')}
          </Button>
        </Link>
      ),
    },
  ];

  return (
    <Table<TImportBatch>
      rowKey="id"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 1100 }}
      pagination={serverPagination(
        t,
        { page: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0 },
        onPage,
      )}
      locale={{
        emptyText: filtered ? (
          <EmptyState filtered />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div>{t('imports.emptyList')}</div>
                {canUpload && (
                  <Typography.Text type="secondary">{t('imports.emptyListHint')}</Typography.Text>
                )}
              </>
            }
          >
            {canUpload && (
              <Button type="primary" onClick={onUpload}>
                {t('imports.upload')}
              </Button>
            )}
          </Empty>
        ),
      }}
      data-testid="import-table"
    />
  );
}
