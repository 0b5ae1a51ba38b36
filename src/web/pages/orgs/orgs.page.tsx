import { Input, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type Key, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOrgKind } from '../../../domain/orgs.ts';
import { useOrgTree } from '../../api/orgs.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { filterOrgTree, parentIds, type TOrgRow } from './org-tree.ts';

const KIND_COLORS: Record<TOrgKind, string> = {
  ministry: 'red',
  province_education: 'volcano',
  province_hrss: 'orange',
  poverty_office: 'gold',
  county_hrss: 'lime',
  university: 'blue',
  college: 'geekblue',
  employer: 'cyan',
  partner: 'purple',
  system: 'default',
};

export function OrgsPage() {
  const { t } = useTranslation();
  const orgs = useOrgTree();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<readonly Key[]>([]);

  const rows = useMemo(() => filterOrgTree(orgs.data ?? [], filter), [orgs.data, filter]);
  const searching = filter.trim() !== '';
  // while searching every match is shown opened; otherwise the user decides what is open
  const expandedKeys = useMemo(() => (searching ? parentIds(rows) : expanded), [searching, rows, expanded]);

  const columns: ColumnsType<TOrgRow> = [
    { key: 'name', dataIndex: 'name', title: t('orgs.name') },
    {
      key: 'kind',
      title: t('orgs.kind'),
      width: 140,
      render: (_, o) => <Tag color={KIND_COLORS[o.kind]}>{t(`orgKinds.${o.kind}`)}</Tag>,
    },
    { key: 'code', dataIndex: 'code', title: t('orgs.code'), width: 160 },
    {
      key: 'region',
      dataIndex: 'regionCode',
      title: t('orgs.regionCode'),
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      key: 'moe',
      dataIndex: 'moeCode',
      title: t('orgs.moeCode'),
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.orgs')}
        extra={
          <Input.Search
            allowClear
            placeholder={t('orgs.searchPlaceholder')}
            onChange={(e) => setFilter(e.target.value)}
            style={{ width: 280 }}
            data-testid="org-filter"
          />
        }
      />
      {orgs.isError ? (
        <ErrorState error={orgs.error} onRetry={() => void orgs.refetch()} />
      ) : (
        <Table<TOrgRow>
          rowKey="id"
          size="small"
          loading={orgs.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{
            expandedRowKeys: expandedKeys,
            onExpandedRowsChange: (keys) => !searching && setExpanded(keys),
          }}
          locale={{ emptyText: <EmptyState filtered={searching} /> }}
          scroll={{ x: 720 }}
          data-testid="org-table"
        />
      )}
    </>
  );
}
