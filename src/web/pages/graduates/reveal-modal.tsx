import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGraduateListItem } from '../../../domain/api/registry.ts';
import { useRevealId } from '../../api/graduates.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { useLastNonNull } from '../users/use-last.ts';

type TProps = { graduate: TGraduateListItem | null; onClose: () => void };

/** Asks why, then shows the full ID number once; the server audits the reveal with the reason. */
export function RevealModal({ graduate: current, onClose }: TProps) {
  const graduate = useLastNonNull(current);
  const { t } = useTranslation();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealId();
  const [idNumber, setIdNumber] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!graduate) return;
    setError(null);
    reveal.mutate(
      { id: graduate.id, reason: reason.trim() },
      { onSuccess: (r) => setIdNumber(r.idNumber), onError: (e) => setError(errorText(e)) },
    );
  };

  return (
    <Modal
      open={current !== null}
      title={graduate ? t('graduates.revealTitle', { name: graduate.name }) : undefined}
      onCancel={onClose}
      afterClose={() => {
        setIdNumber(null);
        setError(null);
        reveal.reset();
      }}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        idNumber ? (
          <Button type="primary" onClick={onClose} data-testid="reveal-close">
            {t('graduates.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={reveal.isPending}
              onClick={() => form.submit()}
              data-testid="reveal-submit"
            >
              {t('graduates.revealSubmit')}
            </Button>
          </>
        )
      }
      data-testid="reveal-modal"
    >
      {idNumber ? (
        <>
          <Typography.Text type="secondary">{t('graduates.revealed')}</Typography.Text>
          <Typography.Title
            level={3}
            copyable
            className="mono"
            style={{ marginTop: 4 }}
            data-testid="revealed-id"
          >
            {idNumber}
          </Typography.Title>
          <Alert type="success" showIcon title={t('graduates.revealAudited')} />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={reveal.isPending} clearOnDestroy>
          <Alert type="warning" showIcon title={t('graduates.revealNotice')} style={{ marginBottom: 16 }} />
          {graduate && (
            <Typography.Paragraph>
              {t('graduates.idNumber')}：<span className="mono">{graduate.idNumberMasked}</span>
            </Typography.Paragraph>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="reason"
            label={t('graduates.reason')}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const n = value?.trim().length ?? 0;
                  if (n < 2 || n > 200) throw new Error(t('graduates.reasonRule'));
                },
              },
            ]}
          >
            <Input.TextArea
              autoFocus
              rows={2}
              maxLength={200}
              showCount
              placeholder={t('graduates.reasonPlaceholder')}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
