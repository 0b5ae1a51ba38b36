import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealOnCase } from '../../api/cases.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

export type TRevealField = 'idNumber' | 'phone';

type TProps = {
  caseId: string;
  name: string;
  field: TRevealField | null;
  masked: string;
  onClose: () => void;
};

/** Asks why, then shows the full ID number or phone once; the server audits the reveal with the reason. */
export function CaseRevealModal({ caseId, name, field, masked, onClose }: TProps) {
  const { t } = useTranslation();
  const errorText = useServerErrorMessage();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealOnCase(caseId);
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<TRevealField>('idNumber');
  if (field && field !== shown) setShown(field);
  const fieldLabel = shown === 'idNumber' ? t('cases.profile.idNumber') : t('cases.profile.phone');

  const onFinish = ({ reason }: { reason: string }) => {
    setError(null);
    reveal.mutate(
      { field: shown, reason: reason.trim() },
      { onSuccess: (r) => setValue(r.value), onError: (e) => setError(errorText(e)) },
    );
  };

  return (
    <Modal
      open={field !== null}
      title={t('cases.profile.revealTitle', { name, field: fieldLabel })}
      onCancel={onClose}
      afterClose={() => {
        setValue(null);
        setError(null);
        reveal.reset();
      }}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        value ? (
          <Button type="primary" autoFocus onClick={onClose} data-testid="case-reveal-close">
            {t('cases.profile.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={reveal.isPending}
              onClick={() => form.submit()}
              data-testid="case-reveal-submit"
            >
              {t('cases.profile.revealSubmit')}
            </Button>
          </>
        )
      }
      data-testid="case-reveal-modal"
    >
      {value ? (
        <>
          <Typography.Text type="secondary">{t('cases.profile.revealed')}</Typography.Text>
          <Typography.Title
            level={3}
            copyable
            className="mono"
            style={{ marginTop: 4 }}
            data-testid="case-revealed"
          >
            {value}
          </Typography.Title>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={onFinish} disabled={reveal.isPending} clearOnDestroy>
          <Alert
            type="warning"
            showIcon
            title={t('cases.profile.revealNotice')}
            style={{ marginBottom: 16 }}
          />
          <Typography.Paragraph>
            {t('cases.labelled', { label: fieldLabel })}
            <span className="mono">{masked}</span>
          </Typography.Paragraph>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="reason"
            label={t('cases.profile.reason')}
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  const n = v?.trim().length ?? 0;
                  if (n < 2 || n > 200) throw new Error(t('cases.profile.reasonRule'));
                },
              },
            ]}
          >
            <Input
              autoFocus
              maxLength={200}
              placeholder={t('cases.profile.reasonPlaceholder')}
              onPressEnter={() => form.submit()}
              data-testid="case-reveal-reason"
            />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
