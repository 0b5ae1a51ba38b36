import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUnpairedCase } from '../../../domain/api/pairing.ts';
import type { TPairingListSearch, TUnpairedPage } from '../../api/pairing.ts';
import { serverPagination } from '../../components/server-pagination.ts';

type TProps = {
  data: TUnpairedPage | undefined;
  loading: boolean;
  search: TPairingListSearch;
  selected: string[];
  onSelect: (caseIds: string[]) => void;
  onPage: (page: number, pageSize: number) => void;
  onAssign: (row: TUnpairedCase) => void;
  empty: ReactNode;
};

export function CollegeClass({
  collegeName,
  className,
}: {
  collegeName: string | null;
  className: string | null;
}) {
  const { t } = useTranslation();
  if (!collegeName && !className)
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <>
      <div>{collegeName ?? t('pairing.noCollege')}</div>
      {className && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {className}
        </Typography.Text>
      )}
    </>
  );
}

/** Graduates still without a helper, the longest waiting first; rows are selectable for a suggestion. */
export function UnpairedTable({
  data,
  loading,
  search,
  selected,
  onSelect,
  onPage,
  onAssign,
  empty,
}: TProps) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const columns: ColumnsType<TUnpairedCase> = [
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
    {
      key: 'major',
      title: t('pairing.columns.major'),
      dataIndex: 'majorName',
      width: 140,
      render: (v: string | null) => v ?? none,
    },
    {
      key: 'waiting',
      title: t('pairing.columns.waiting'),
      width: 120,
      render: (_, r) => (
        <>
          {t('pairing.days', { count: r.daysOpen })}
          {r.overdue && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {t('pairing.overdue')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      title: t('pairing.columns.actions'),
      width: 90,
      fixed: 'end',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onAssign(r)} data-testid="pairing-assign-one">
          {t('pairing.assign.action')}
        </Button>
      ),
    },
  ];
  return (
    <Table<TUnpairedCase>
      rowKey="caseId"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={data?.items ?? []}
      scroll={{ x: 800 }}
      rowSelection={{
        selectedRowKeys: selected,
        preserveSelectedRowKeys: true,
        onChange: (keys) => onSelect(keys.map(String)),
      }}
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
      data-testid="pairing-unpaired-table"
    />
  );
}
