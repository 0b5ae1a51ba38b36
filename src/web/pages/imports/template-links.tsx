import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TImportKind } from '../../../domain/registry/fields.ts';
import { downloadTemplate } from '../../api/imports.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

/** Links to the Excel templates of the kinds the user may upload. */
export function TemplateLinks({ kinds }: { kinds: readonly TImportKind[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const [busy, setBusy] = useState<TImportKind | null>(null);

  const download = async (kind: TImportKind) => {
    setBusy(kind);
    try {
      await downloadTemplate(kind);
    } catch (error) {
      void message.error(`${t('imports.downloadFailed')}：${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Flex gap={4} align="center" wrap>
      <Typography.Text type="secondary">{t('imports.templates')}</Typography.Text>
      {kinds.map((kind) => (
        <Tooltip key={kind} title={t('imports.templateHint')}>
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            loading={busy === kind}
            onClick={() => void download(kind)}
            data-testid={`template-${kind}`}
          >
            {t(`imports.template.${kind}`)}
          </Button>
        </Tooltip>
      ))}
    </Flex>
  );
}
