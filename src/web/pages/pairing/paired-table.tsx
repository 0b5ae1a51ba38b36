import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPairedCase } from '../../../domain/api/pairing.ts';
import type { TPairedPage, TPairingListSearch } from '../../api/pairing.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { CollegeClass } from './unpaired-table.tsx';

type TProps = {
  data: TPairedPage | undefined;
  loading: boolean;
  search: TPairingListSearch;
  onPage: (page: number, pageSize: number) => void;
  onReassign: (row: TPairedCase) => void;
  empty: ReactNode;
};

/** Graduates with a helper now, for reassigning one. */
export function PairedTable({ data, loading, search, onPage, onReassign, empty }: TProps) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: ColumnsType<TPairedCase> = [
    {
      key: 'name',
      title: t('pairing.columns.name'),
      dataIndex: 'name',
      width: 100,
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'studentNo',
      title: t('pairing.columns.studentNo'),
      dataIndex: 'studentNo',
      width: 130,
      render: (v: string | null) => (v ? <span className="mono">{v}</span> : none),
    },
    {
      key: 'college',
      title: t('pairing.columns.collegeClass'),
      width: 200,
      render: (_, r) => <CollegeClass collegeName={r.collegeName} className={r.className} />,
    },
    { key: 'helper', title: t('pairing.columns.helper'), dataIndex: 'helperName', width: 140 },
    {
      key: 'since',
      title: t('pairing.columns.since'),
      dataIndex: 'pairedAt',
      width: 120,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
    {
      key: 'actions',
      title: t('pairing.columns.actions'),
      width: 90,
      fixed: 'end',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onReassign(r)} data-testid="pairing-reassign">
          {t('pairing.assign.reassign')}
        </Button>
      ),
    },
  ];
  return (
    <Table<TPairedCase>
      rowKey="caseId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 780 }}
      pagination={serverPagination(
        t,
        {
          page: data?.page ?? search.page,
          pageSize: data?.pageSize ?? search.pageSize,
          total: data?.total ?? 0,
        },
        onPage,
      )}
      locale={{ emptyText: empty }}
      data-testid="pairing-paired-table"
    />
  );
}
