import { Table, Typography, theme } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { diffSnapshots, type TCell, type TDiffRow } from './audit-diff.ts';

function Cell({ cell }: { cell: TCell }) {
  const { t } = useTranslation();
  switch (cell.kind) {
    case 'absent':
      return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    case 'null':
      return (
        <Typography.Text type="secondary" code>
          null
        </Typography.Text>
      );
    case 'text':
      return <span style={{ wordBreak: 'break-word' }}>{cell.text}</span>;
    case 'json':
      return cell.multiline ? (
        <pre className="json-block">{cell.text}</pre>
      ) : (
        <Typography.Text code style={{ wordBreak: 'break-all' }}>
          {cell.text}
        </Typography.Text>
      );
  }
}

function RawJson({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div style={{ marginBottom: 8 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre className="json-block">{value == null ? t('audit.noData') : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/**
 * Before and after side by side, one row per key, changed keys highlighted. A snapshot that is not an object
 * (never written today, but the column is free-form JSON) falls back to raw JSON.
 */
export function AuditDiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const diff = diffSnapshots(before, after);

  if (!diff) {
    return (
      <>
        <RawJson title={t('audit.before')} value={before} />
        <RawJson title={t('audit.after')} value={after} />
      </>
    );
  }

  const tint =
    (background: string) =>
    (row: TDiffRow): { style: CSSProperties } => ({
      style: row.changed ? { background } : {},
    });
  const both = diff.hasBefore && diff.hasAfter;
  const columns: ColumnsType<TDiffRow> = [
    {
      key: 'key',
      title: t('audit.field'),
      width: '22%',
      render: (_, row) => (
        <Typography.Text code strong={row.changed} type={row.changed ? 'warning' : undefined}>
          {row.key}
        </Typography.Text>
      ),
      onCell: tint(token.colorWarningBg),
    },
  ];
  if (diff.hasBefore) {
    columns.push({
      key: 'before',
      title: t('audit.before'),
      render: (_, row) => <Cell cell={row.before} />,
      onCell: tint(token.colorErrorBg),
    });
  }
  if (diff.hasAfter) {
    columns.push({
      key: 'after',
      title: t('audit.after'),
      render: (_, row) => <Cell cell={row.after} />,
      onCell: tint(token.colorSuccessBg),
    });
  }

  return (
    <div data-testid="audit-diff">
      <Table<TDiffRow>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={diff.rows}
        tableLayout="fixed"
        style={{ maxWidth: both ? 960 : 640 }}
        footer={
          both
            ? () => (
                <Typography.Text type="secondary">
                  {diff.changedCount > 0
                    ? t('audit.changedCount', { count: diff.changedCount })
                    : t('audit.unchanged')}
                </Typography.Text>
              )
            : undefined
        }
      />
    </div>
  );
}
