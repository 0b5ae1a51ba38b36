import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TImportBatch } from '../../../domain/api/imports.ts';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import type { TBatchStatus } from '../../api/imports.ts';

const STATUS_COLORS: Record<TBatchStatus, string> = {
  parsing: 'processing',
  staged: 'gold',
  failed: 'error',
  committed: 'success',
  discarded: 'default',
  reverted: 'purple',
};

export function BatchStatusTag({ status }: { status: TBatchStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid={`batch-status-${status}`}>
      {t(`imports.statuses.${status}`)}
    </Tag>
  );
}

export function KindTag({ kind }: { kind: TImportKind }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={kind === 'registry' ? 'volcano' : 'blue'}
      style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
    >
      {t(`imports.kinds.${kind}`)}
    </Tag>
  );
}

/** "共 12 行 · 新增 7 · 错误 5": the counts that matter for deciding, zero counts left out. */
export function CountsSummary({ batch }: { batch: TImportBatch }) {
  const { t, i18n } = useTranslation();
  const fmt = (n: number | undefined) => (n ?? 0).toLocaleString(i18n.language);
  const c = batch.counts;
  if (batch.status === 'parsing') {
    return (
      <Typography.Text type="secondary">
        {t('imports.parsingRows', { n: fmt(batch.progress) })}
      </Typography.Text>
    );
  }
  if (c.total === undefined) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <Flex gap={6} wrap align="center">
      <span>{t('imports.countsSummary', { total: fmt(c.total) })}</span>
      {(c.new ?? 0) > 0 && (
        <Typography.Text type="success">{t('imports.countsNew', { n: fmt(c.new) })}</Typography.Text>
      )}
      {(c.updated ?? 0) > 0 && <span>{t('imports.countsUpdated', { n: fmt(c.updated) })}</span>}
      {(c.errors ?? 0) > 0 && (
        <Typography.Text type="danger">{t('imports.countsErrors', { n: fmt(c.errors) })}</Typography.Text>
      )}
      {(c.review ?? 0) > 0 && (
        <Typography.Text type="warning">{t('imports.countsReview', { n: fmt(c.review) })}</Typography.Text>
      )}
    </Flex>
  );
}
