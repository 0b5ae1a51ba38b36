import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TFocusCounty } from '../../../../domain/api/reference.ts';
import { EmptyState } from '../../../components/states.tsx';
import { SupportKindTag } from '../support-kind-tag.tsx';
import { compareZh } from '../text-match.ts';

export function FocusTable({ rows, filtered }: { rows: TFocusCounty[]; filtered: boolean }) {
  const { t } = useTranslation();
  const columns: ColumnsType<TFocusCounty> = [
    {
      key: 'code',
      dataIndex: 'code',
      title: t('focus.code'),
      width: 90,
      sorter: (a, b) => a.code.localeCompare(b.code),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'province',
      dataIndex: 'provinceName',
      title: t('focus.province'),
      sorter: (a, b) => compareZh(a.provinceName, b.provinceName),
    },
    {
      key: 'prefecture',
      dataIndex: 'prefectureName',
      title: t('focus.prefecture'),
      sorter: (a, b) => compareZh(a.prefectureName, b.prefectureName),
    },
    {
      key: 'county',
      dataIndex: 'name',
      title: t('focus.county'),
      sorter: (a, b) => compareZh(a.name, b.name),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'historical',
      title: t('focus.historicalCodes'),
      render: (_, row) => (
        <Flex gap={4} wrap>
          {row.historicalCodes.map((code) => (
            <Tag key={code} style={{ marginInlineEnd: 0, color: '#8c8c8c' }}>
              {code}
            </Tag>
          ))}
        </Flex>
      ),
    },
    {
      key: 'support',
      title: t('focus.support'),
      sorter: (a, b) => compareZh(a.supportPartner ?? '', b.supportPartner ?? ''),
      render: (_, row) =>
        row.supportKind || row.supportPartner ? (
          <Flex gap={4} wrap align="center">
            <SupportKindTag kind={row.supportKind} />
            {row.supportPartner}
          </Flex>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <Table<TFocusCounty>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={{
        defaultPageSize: 20,
        showSizeChanger: true,
        showTotal: (n) => t('common.total', { count: n }),
      }}
      locale={{ emptyText: <EmptyState filtered={filtered} /> }}
      scroll={{ x: 760 }}
      data-testid="focus-table"
    />
  );
}
