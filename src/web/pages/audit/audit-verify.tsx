import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../api/audit.ts';
import { useErrorMessage } from '../../i18n/error-message.ts';

export function useAuditVerification() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const errorMessage = useErrorMessage();

  const button = (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={() => verify.mutate()}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );

  let result: ReactNode = null;
  if (verify.isError) {
    result = <Alert type="error" showIcon title={errorMessage(verify.error)} />;
  } else if (verify.data?.ok) {
    result = (
      <Alert
        type="success"
        showIcon
        title={t('audit.verifyOk', { checked: verify.data.checked, checkpoints: verify.data.checkpoints })}
      />
    );
  } else if (verify.data) {
    const broken = verify.data.firstBroken;
    result = (
      <Alert
        type="error"
        showIcon
        title={t('audit.verifyBroken', {
          id: broken?.id ?? t('common.none'),
          reason: broken ? t(`audit.${broken.reason}`) : t('common.none'),
          checked: verify.data.checked,
        })}
      />
    );
  }
  const panel = result && (
    <div style={{ marginBottom: 16 }} data-testid="audit-verify-result">
      {result}
    </div>
  );
  return { button, panel };
}
