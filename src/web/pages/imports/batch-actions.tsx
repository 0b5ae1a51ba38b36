import { CheckOutlined, DeleteOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportBatch } from '../../../domain/api/imports.ts';
import { downloadErrorWorkbook, type TBatchAction, useBatchAction } from '../../api/imports.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { batchActions } from './import-model.ts';

type TProps = {
  batch: TImportBatch;
  /** a refusal (409) is shown on the page, not only in a toast: it says what to do next */
  onRefused: (title: string, reason: string) => void;
};

/** Commit, discard, revert and the error workbook, each offered only in the states where it applies. */
export function BatchActions({ batch, onRefused }: TProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const action = useBatchAction();
  const [downloading, setDownloading] = useState(false);
  const can = batchActions(batch);
  const c = batch.counts;
  const pending = (a: TBatchAction) => action.isPending && action.variables?.action === a;

  const run = (a: TBatchAction) =>
    action
      .mutateAsync(
        { id: batch.id, action: a },
        {
          onSuccess: (next) => {
            if (a === 'commit') {
              void message.success(
                t('imports.committed', { new: next.counts.new ?? 0, updated: next.counts.updated ?? 0 }),
              );
            } else void message.success(t(a === 'discard' ? 'imports.discarded' : 'imports.reverted'));
          },
          onError: (error) => {
            const reason = errorText(error);
            onRefused(t(a === 'revert' ? 'imports.revertRefused' : 'imports.actionRefused'), reason);
          },
        },
      )
      .catch(() => {
        // shown on the page; resolving closes the confirmation
      });

  const download = async () => {
    setDownloading(true);
    try {
      await downloadErrorWorkbook(batch);
    } catch (error) {
      void message.error(`${t('imports.downloadFailed')}：${errorText(error)}`);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex gap="small" wrap data-testid="batch-actions">
      {can.commit && (
        <Popconfirm
          title={t('imports.commitConfirm', { count: c.valid ?? 0 })}
          description={
            <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
              {t('imports.commitDetail', {
                new: c.new ?? 0,
                updated: c.updated ?? 0,
                unchanged: c.unchanged ?? 0,
                errors: c.errors ?? 0,
              })}
            </Typography.Paragraph>
          }
          okText={t('imports.commit')}
          cancelText={t('common.cancel')}
          onConfirm={() => run('commit')}
          disabled={!can.canCommit}
        >
          <Tooltip title={can.canCommit ? undefined : t('imports.commitNothing')}>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={!can.canCommit || action.isPending}
              loading={pending('commit')}
              data-testid="batch-commit"
            >
              {t('imports.commit')}
            </Button>
          </Tooltip>
        </Popconfirm>
      )}
      {can.discard && (
        <Popconfirm
          title={t('imports.discardConfirm')}
          description={
            <Typography.Paragraph style={{ maxWidth: 320, margin: 0 }}>
              {t('imports.discardDetail')}
            </Typography.Paragraph>
          }
          okText={t('imports.discard')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run('discard')}
        >
          <Button
            icon={<DeleteOutlined />}
            disabled={action.isPending}
            loading={pending('discard')}
            data-testid="batch-discard"
          >
            {t('imports.discard')}
          </Button>
        </Popconfirm>
      )}
      {can.revert && (
        <Popconfirm
          title={t('imports.revertConfirm')}
          description={
            <Typography.Paragraph style={{ maxWidth: 360, margin: 0 }}>
              {t('imports.revertDetail')}
            </Typography.Paragraph>
          }
          okText={t('imports.revert')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => run('revert')}
        >
          <Button
            danger
            icon={<RollbackOutlined />}
            disabled={action.isPending}
            loading={pending('revert')}
            data-testid="batch-revert"
          >
            {t('imports.revert')}
          </Button>
        </Popconfirm>
      )}
      {can.errorWorkbook && (
        <Tooltip title={t('imports.downloadErrorsHint')}>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void download()}
            data-testid="batch-error-workbook"
          >
            {t('imports.downloadErrors')}
          </Button>
        </Tooltip>
      )}
    </Flex>
  );
}
