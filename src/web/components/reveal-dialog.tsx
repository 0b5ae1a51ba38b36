import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVEAL_REASON_MAX, REVEAL_REASON_MIN, revealReasonProblem } from '../../domain/reveal-reason.ts';
import { useServerErrorMessage } from '../i18n/error-message.ts';

type TProps = {
  open: boolean;
  title: string | undefined;
  /** what is revealed, e.g. 身份证号 / 手机号 */
  fieldLabel: string;
  masked: string;
  /** asks the server (which audits the reveal with the reason) and resolves to the full value */
  reveal: (reason: string) => Promise<string>;
  onClose: () => void;
};

/**
 * The one reveal dialog: asks why, then shows the full value once. Used for ID numbers in the graduate list and
 * for ID numbers and phones on the case page.
 */
export function RevealDialog({ open, title, fieldLabel, masked, reveal, onClose }: TProps) {
  const { t } = useTranslation();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onFinish = async ({ reason }: { reason: string }) => {
    setError(null);
    setPending(true);
    try {
      setValue(await reveal(reason.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={() => {
        setValue(null);
        setError(null);
      }}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        value ? (
          <Button type="primary" autoFocus onClick={onClose} data-testid="reveal-close">
            {t('graduates.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={pending}
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
      {value ? (
        <>
          <Typography.Text type="secondary">{t('graduates.revealed')}</Typography.Text>
          <Typography.Title
            level={3}
            copyable
            className="mono"
            style={{ marginTop: 4 }}
            data-testid="revealed-id"
          >
            {value}
          </Typography.Title>
          <Alert type="success" showIcon title={t('graduates.revealAudited')} />
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={pending} clearOnDestroy>
          <Alert
            type="warning"
            showIcon
            title={t('graduates.revealNotice')}
            description={t('graduates.revealLimitHint')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>
            {fieldLabel}：<span className="mono">{masked}</span>
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="reason"
            label={t('graduates.reason')}
            extra={t('graduates.reasonRule', { min: REVEAL_REASON_MIN })}
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  const reason = v?.trim() ?? '';
                  if (reason.length > REVEAL_REASON_MAX || revealReasonProblem(reason)) {
                    throw new Error(t('graduates.reasonRule', { min: REVEAL_REASON_MIN }));
                  }
                },
              },
            ]}
          >
            <Input
              autoFocus
              maxLength={200}
              placeholder={t('graduates.reasonPlaceholder')}
              onPressEnter={() => form.submit()}
              data-testid="reveal-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
