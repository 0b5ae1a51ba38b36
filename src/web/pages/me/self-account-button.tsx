import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Modal, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIssueSelfAccount } from '../../api/me.ts';
import { useServerErrorMessage } from '../../i18n/error-message.ts';

/**
 * For staff on a case page (cases.write): open the graduate's self-service account, or reset its password, after a
 * confirmation; the one-time credentials are shown once in a dialog.
 */
export function SelfAccountButton({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useServerErrorMessage();
  const issue = useIssueSelfAccount(caseId);
  const result = issue.data;

  return (
    <>
      <Popconfirm
        title={t('me.selfAccount.open')}
        description={<div style={{ maxWidth: 280 }}>{t('me.selfAccount.confirm')}</div>}
        okText={t('me.selfAccount.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() =>
          issue.mutate(undefined, { onError: (error) => void message.error(errorText(error)) })
        }
      >
        <Button icon={<UserAddOutlined />} loading={issue.isPending} data-testid="self-account-open">
          {t('me.selfAccount.open')}
        </Button>
      </Popconfirm>
      <Modal
        open={!!result}
        title={result?.reissued ? t('me.selfAccount.reissuedTitle') : t('me.selfAccount.title')}
        onCancel={() => issue.reset()}
        footer={<Button onClick={() => issue.reset()}>{t('me.selfAccount.close')}</Button>}
        data-testid="self-account-result"
      >
        {result && (
          <>
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'username',
                  label: t('me.selfAccount.username'),
                  children: (
                    <Typography.Text copyable className="mono">
                      {result.username}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'password',
                  label: t('me.selfAccount.password'),
                  children: (
                    <Typography.Text copyable className="mono">
                      {result.password}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            <Alert type="warning" showIcon title={t('me.selfAccount.notice')} style={{ marginTop: 12 }} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {result.hasPhone ? t('me.selfAccount.smsReady') : t('me.selfAccount.noPhone')}
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}
