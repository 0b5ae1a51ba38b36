import { Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TCodeTable } from '../../../domain/api/reference.ts';
import { useCodeTables } from '../../api/reference.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';

type TEntry = TCodeTable['entries'][number];

const COUNTED_AS_COLORS: Record<string, string> = {
  employed: 'green',
  further_study: 'blue',
  not_employed: 'orange',
};

function CountedAsTag({ value }: { value: string | undefined }) {
  const { t } = useTranslation();
  if (!value) return null;
  const label = Object.hasOwn(zhCN.countedAs, value)
    ? t(`countedAs.${value as keyof typeof zhCN.countedAs}`)
    : value;
  return <Tag color={COUNTED_AS_COLORS[value] ?? 'default'}>{label}</Tag>;
}

function groupLabel(t: TFunction, group: string | undefined): string {
  if (!group) return t('common.none');
  return Object.hasOwn(zhCN.destinationGroup, group)
    ? t(`destinationGroup.${group as keyof typeof zhCN.destinationGroup}`)
    : group;
}

/** Destination codes get typed columns (they drive the employment rate); other tables list raw attributes. */
function columnsFor(table: TCodeTable, t: TFunction): ColumnsType<TEntry> {
  const base: ColumnsType<TEntry> = [
    { key: 'code', dataIndex: 'code', title: t('codeTables.code'), width: 100 },
    { key: 'name', dataIndex: 'name', title: t('codeTables.name') },
  ];
  if (table.entries.some((e) => e.attributes.counted_as !== undefined)) {
    return [
      ...base,
      {
        key: 'countedAs',
        title: t('codeTables.countedAs'),
        render: (_, e) => <CountedAsTag value={e.attributes.counted_as} />,
      },
      { key: 'group', title: t('codeTables.group'), render: (_, e) => groupLabel(t, e.attributes.group) },
    ];
  }
  if (!table.entries.some((e) => Object.keys(e.attributes).length > 0)) return base;
  return [
    ...base,
    {
      key: 'attributes',
      title: t('codeTables.attributes'),
      render: (_, e) => (
        <Flex gap={4} wrap>
          {Object.entries(e.attributes).map(([k, v]) => (
            <Tag key={k}>{`${k}: ${v}`}</Tag>
          ))}
        </Flex>
      ),
    },
  ];
}

export function CodeTablesPage() {
  const { t } = useTranslation();
  const tables = useCodeTables();

  return (
    <>
      <PageHeader title={t('nav.codeTables')} />
      {tables.isPending ? (
        <LoadingState />
      ) : tables.isError ? (
        <ErrorState error={tables.error} onRetry={() => void tables.refetch()} />
      ) : tables.data.length === 0 ? (
        <EmptyState />
      ) : (
        <Tabs
          items={tables.data.map((table) => ({
            key: table.key,
            label: table.name,
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  {t('codeTables.source', { source: table.source })}
                </Typography.Paragraph>
                <Table<TEntry>
                  rowKey="code"
                  size="small"
                  pagination={false}
                  columns={columnsFor(table, t)}
                  dataSource={table.entries}
                  locale={{ emptyText: <EmptyState /> }}
                  data-testid={`code-table-${table.key}`}
                />
              </>
            ),
          }))}
        />
      )}
    </>
  );
}
