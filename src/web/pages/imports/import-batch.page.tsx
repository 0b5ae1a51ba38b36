import { ArrowLeftOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Progress, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TImportBatch } from '../../../domain/api/imports.ts';
import { useImportBatch } from '../../api/imports.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { ErrorState, LoadingState } from '../../components/states.tsx';
import { BatchActions } from './batch-actions.tsx';
import { BatchRows } from './batch-rows.tsx';
import { BatchStats } from './batch-stats.tsx';
import { BatchStatusTag, KindTag } from './import-labels.tsx';
import { estimateParsePercent, formatBytes } from './import-model.ts';
import { pickServerText } from './mapping.ts';
import { MappingEditor } from './mapping-editor.tsx';

const TIME = 'YYYY-MM-DD HH:mm';

/** One batch: progress while parsing, then the preview to commit or discard; later, revert. */
export function ImportBatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const batch = useImportBatch(id);
  const [refusal, setRefusal] = useState<{ batchId: string; title: string; reason: string } | null>(null);

  const back = (
    <Link to="/imports">
      <Button icon={<ArrowLeftOutlined />}>{t('imports.back')}</Button>
    </Link>
  );
  if (batch.isPending) return <LoadingState />;
  if (batch.isError) {
    return (
      <>
        <PageHeader title={t('imports.batchTitle')} extra={back} />
        <ErrorState error={batch.error} onRetry={() => void batch.refetch()} />
      </>
    );
  }
  const b = batch.data;
  return (
    // a new batch (after a re-map) starts with a clean page: no stale refusal, no stale edits
    <div key={b.id}>
      <PageHeader title={b.fileName} extra={back} />
      <BatchSummary batch={b} />
      {refusal?.batchId === id && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          title={refusal.title}
          description={refusal.reason}
          style={{ marginBottom: 16 }}
          data-testid="batch-refusal"
        />
      )}
      {b.status === 'parsing' && <ParsingCard batch={b} />}
      {b.status === 'failed' && (
        <>
          <Alert
            type="error"
            showIcon
            title={t('imports.failedTitle')}
            description={
              <>
                <div>{b.failure ? <FailureText text={b.failure} /> : null}</div>
                <Typography.Text type="secondary">{t('imports.failedHint')}</Typography.Text>
              </>
            }
            action={
              <Flex gap="small" wrap>
                <Link to="/imports?upload=1">
                  <Button icon={<CloudUploadOutlined />}>{t('imports.reupload')}</Button>
                </Link>
                <BatchActions
                  batch={b}
                  onRefused={(title, reason) => setRefusal({ batchId: id, title, reason })}
                />
              </Flex>
            }
            style={{ marginBottom: 16 }}
            data-testid="batch-failure"
          />
          <MappingEditor batch={b} editable />
        </>
      )}
      {b.status !== 'parsing' && b.status !== 'failed' && (
        <>
          {(b.status === 'discarded' || b.status === 'reverted') && (
            <Alert
              type="info"
              showIcon
              title={t(`imports.closedNote.${b.status}`)}
              style={{ marginBottom: 16 }}
            />
          )}
          <BatchStats counts={b.counts} />
          <Flex justify="space-between" align="center" wrap gap="small" style={{ marginBottom: 16 }}>
            <BatchActions
              batch={b}
              onRefused={(title, reason) => setRefusal({ batchId: id, title, reason })}
            />
            {b.status === 'committed' && (
              <Link to="/graduates">
                <Button type="link">{t('imports.viewGraduates')}</Button>
              </Link>
            )}
          </Flex>
          <MappingEditor batch={b} editable={b.status === 'staged'} />
          <BatchRows batch={b} />
        </>
      )}
    </div>
  );
}

function FailureText({ text }: { text: string }) {
  const { i18n } = useTranslation();
  return <span>{pickServerText(text, i18n.language)}</span>;
}

function BatchSummary({ batch }: { batch: TImportBatch }) {
  const { t } = useTranslation();
  const times = [
    t('imports.uploadedBy', { time: dayjs(batch.createdAt).format(TIME) }),
    batch.committedAt && t('imports.committedAt', { time: dayjs(batch.committedAt).format(TIME) }),
    batch.closedAt && t('imports.closedAt', { time: dayjs(batch.closedAt).format(TIME) }),
  ].filter(Boolean);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2, lg: 4 }}
      style={{ marginBottom: 16 }}
      items={[
        {
          key: 'kind',
          label: t('imports.kind'),
          children: (
            <Space size={4}>
              <KindTag kind={batch.kind} />
              <BatchStatusTag status={batch.status} />
            </Space>
          ),
        },
        ...(batch.kind === 'roster'
          ? [
              {
                key: 'university',
                label: t('imports.university'),
                children: batch.universityName ?? t('common.none'),
              },
              { key: 'cohort', label: t('imports.cohort'), children: batch.cohort ?? t('common.none') },
            ]
          : []),
        {
          key: 'file',
          label: t('imports.fileName'),
          children: `${formatBytes(batch.fileSize)} · ${times.join(' · ')}`,
        },
      ]}
      data-testid="batch-summary"
    />
  );
}

function ParsingCard({ batch }: { batch: TImportBatch }) {
  const { t, i18n } = useTranslation();
  return (
    <Card style={{ marginBottom: 16 }} data-testid="batch-parsing">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('imports.parsingTitle')}
      </Typography.Title>
      <Progress percent={estimateParsePercent(batch)} status="active" showInfo={false} />
      <Flex justify="space-between" wrap gap="small">
        <Typography.Text strong data-testid="batch-progress">
          {t('imports.parsingRows', { n: batch.progress.toLocaleString(i18n.language) })}
        </Typography.Text>
        <Typography.Text type="secondary">{t('imports.parsingHint')}</Typography.Text>
      </Flex>
    </Card>
  );
}
