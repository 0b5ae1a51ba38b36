import { Badge, Card, Empty, Flex, Table, type TablePaginationConfig, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TImportBatch, TImportRow } from '../../../domain/api/imports.ts';
import { type TRowStatus, useImportRows } from '../../api/imports.ts';
import { ROW_STATUS_LIST } from '../../api/registry-codes.ts';
import { serverPagination } from '../../components/server-pagination.ts';
import { ErrorState } from '../../components/states.tsx';
import type { importsZh } from '../../i18n/imports.zh-CN.ts';
import { parseRowsSearch, type TRowsSearch, withRowsSearch } from './import-search.ts';
import { columnLetter, fieldLabel, pickBilingual } from './mapping.ts';
import { flattenIssues, type TIssue, type TIssueLine } from './row-issues.ts';

const countOf = (batch: TImportBatch, status: TRowStatus) =>
  (status === 'error' ? batch.counts.errors : batch.counts[status]) ?? 0;

/** Staged rows by status, one server-paged table per tab; the tab and page live in the URL. */
export function BatchRows({ batch }: { batch: TImportBatch }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rows = parseRowsSearch(params, batch.counts);
  const setRows = (next: TRowsSearch) => setParams(withRowsSearch(params, next), { replace: true });

  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={rows.status}
        onChange={(key) => setRows({ status: key as TRowStatus, page: 1, pageSize: rows.pageSize })}
        items={ROW_STATUS_LIST.map((status) => ({
          key: status,
          label: (
            <Flex gap={6} align="center" data-testid={`rows-tab-${status}`}>
              {t(`imports.tabs.${status}`)}
              <Badge
                count={countOf(batch, status)}
                showZero
                overflowCount={999_999}
                color={badgeColor(status, countOf(batch, status))}
              />
            </Flex>
          ),
        }))}
      />
      <RowsTable
        batch={batch}
        rows={rows}
        onPage={(page, pageSize) => setRows({ ...rows, page, pageSize })}
      />
    </Card>
  );
}

function badgeColor(status: TRowStatus, count: number): string {
  if (count === 0) return '#bfbfbf';
  if (status === 'error') return 'red';
  if (status === 'review') return 'gold';
  if (status === 'new') return 'green';
  return 'blue';
}

function RowsTable({
  batch,
  rows,
  onPage,
}: {
  batch: TImportBatch;
  rows: TRowsSearch;
  onPage: (page: number, pageSize: number) => void;
}) {
  const { t } = useTranslation();
  const query = useImportRows(batch.id, rows, countOf(batch, rows.status) > 0);
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const pagination = serverPagination(
    t,
    {
      page: query.data?.page ?? rows.page,
      pageSize: query.data?.pageSize ?? rows.pageSize,
      total: query.data?.total ?? 0,
    },
    (page, pageSize) => onPage(pageSize === rows.pageSize ? page : 1, pageSize),
  );
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.noRows')} />;
  const items = countOf(batch, rows.status) > 0 ? (query.data?.items ?? []) : [];
  return rows.status === 'error' ? (
    <ErrorTable
      batch={batch}
      items={items}
      loading={query.isFetching}
      pagination={pagination}
      empty={empty}
    />
  ) : (
    <PreviewTable
      batch={batch}
      items={items}
      loading={query.isFetching}
      pagination={pagination}
      empty={empty}
    />
  );
}

type TTableProps = {
  batch: TImportBatch;
  items: TImportRow[];
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: ReactNode;
};

/** Where a field sits in the upload: its label and, when mapped, its column letter. */
function useColumnName(batch: TImportBatch) {
  const { t, i18n } = useTranslation();
  return (field: string) => {
    const label = fieldLabel(batch.kind, field, i18n.language);
    const column = batch.mapping?.[field];
    return column === undefined
      ? label
      : t('imports.fieldColumn', { field: label, letter: columnLetter(column) });
  };
}

function ErrorTable({ batch, items, loading, pagination, empty }: TTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const columnName = useColumnName(batch);
  const columns: ColumnsType<TIssueLine> = [
    {
      key: 'rowNo',
      title: t('imports.rowNo'),
      dataIndex: 'rowNo',
      width: 70,
      onCell: (line) => ({ rowSpan: line.span }),
    },
    {
      key: 'column',
      title: t('imports.column'),
      width: 170,
      render: (_, line) => (
        <Flex gap={4} align="center" wrap>
          {line.severity === 'warning' && (
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('imports.warning')}
            </Tag>
          )}
          <span>{columnName(line.issue.field)}</span>
        </Flex>
      ),
    },
    {
      key: 'value',
      title: t('imports.value'),
      width: 170,
      render: (_, line) => <IssueValue issue={line.issue} />,
    },
    {
      key: 'problem',
      title: t('imports.problem'),
      render: (_, line) => (
        <Typography.Text type={line.severity === 'error' ? 'danger' : 'warning'}>
          {pickBilingual(line.issue.message, lang)}
        </Typography.Text>
      ),
    },
    {
      key: 'expected',
      title: t('imports.shouldBe'),
      width: 220,
      render: (_, line) =>
        line.issue.expected ? (
          pickBilingual(line.issue.expected, lang)
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];
  return (
    <Table<TIssueLine>
      rowKey="key"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={flattenIssues(items)}
      pagination={{ ...pagination }}
      scroll={{ x: 900 }}
      locale={{ emptyText: empty }}
      data-testid="error-rows"
    />
  );
}

function IssueValue({ issue }: { issue: TIssue }) {
  if (issue.value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text code ellipsis={{ tooltip: issue.value }} style={{ maxWidth: 160 }}>
      {issue.value}
    </Typography.Text>
  );
}

type TPreview = Record<string, unknown>;
type TPreviewKey = keyof typeof importsZh.preview;
const text = (value: unknown) =>
  value === null || value === undefined || value === '' ? undefined : String(value);

function PreviewTable({ batch, items, loading, pagination, empty }: TTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const cell = (key: string) => (_: unknown, row: TImportRow) =>
    text(row.preview?.[key]) ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const idCell = (_: unknown, row: TImportRow) => {
    const id = text(row.preview?.idMasked);
    return id ? (
      <span className="mono">{id}</span>
    ) : (
      <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
    );
  };
  const col = (key: TPreviewKey, width?: number) => ({
    key,
    title: t(`imports.preview.${key}`),
    width,
    render: cell(key),
  });
  const roster: ColumnsType<TImportRow> = [
    col('name', 100),
    {
      ...col('idMasked', 170),
      render: idCell,
    },
    {
      ...col('gender', 60),
      render: (_, row) => {
        const g = text(row.preview?.gender);
        return g === 'male' || g === 'female' ? t(`imports.genders.${g}`) : (g ?? t('common.none'));
      },
    },
    col('level', 80),
    {
      key: 'collegeClass',
      title: `${t('imports.preview.college')} / ${t('imports.preview.className')}`,
      width: 190,
      render: (_, row) => (
        <>
          <div>{text(row.preview?.college) ?? t('common.none')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text(row.preview?.className)}
          </Typography.Text>
        </>
      ),
    },
    col('majorName', 120),
    { ...col('domicileCode', 120), render: (_, row) => <DomicileCode preview={row.preview} /> },
  ];
  const registry: ColumnsType<TImportRow> = [
    col('name', 100),
    {
      ...col('idMasked', 190),
      render: idCell,
    },
    col('countyCode', 120),
    col('householdRef', 160),
  ];
  const changes: ColumnsType<TImportRow> = items.some((r) => r.changes.length > 0)
    ? [
        {
          key: 'changes',
          title: t('imports.changes'),
          width: 260,
          render: (_, row) => (
            <Flex vertical gap={2}>
              {row.changes.map((c) => (
                <Typography.Text key={c.field} style={{ fontSize: 12 }}>
                  {fieldLabel(batch.kind, c.field, lang)}：
                  <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
                    {c.before ?? t('common.none')}
                  </Typography.Text>
                  {' → '}
                  {c.after ?? t('common.none')}
                </Typography.Text>
              ))}
            </Flex>
          ),
        },
      ]
    : [];
  const columns: ColumnsType<TImportRow> = [
    { key: 'rowNo', title: t('imports.rowNo'), dataIndex: 'rowNo', width: 70 },
    ...(batch.kind === 'roster' ? roster : registry),
    ...changes,
    {
      key: 'warnings',
      title: t('imports.warnings'),
      width: 220,
      render: (_, row) =>
        row.warnings.length === 0 ? null : (
          <Flex vertical gap={2}>
            {row.warnings.map((w) => (
              <Typography.Text key={`${w.field}-${w.code}`} type="warning" style={{ fontSize: 12 }}>
                {pickBilingual(w.message, lang)}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
  ];
  return (
    <Table<TImportRow>
      rowKey="rowNo"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={items}
      pagination={{ ...pagination }}
      scroll={{ x: 1100 }}
      locale={{ emptyText: empty }}
      data-testid="preview-rows"
    />
  );
}

function DomicileCode({ preview }: { preview: TPreview | null }) {
  const { t } = useTranslation();
  const code = text(preview?.domicileCode);
  const raw = text(preview?.domicileRawCode);
  if (!code) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <>
      <span>{code}</span>
      {raw && raw !== code && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('imports.fromCode', { code: raw })}
          </Typography.Text>
        </div>
      )}
    </>
  );
}
