import { Col, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ZNewPassword } from '../../../domain/api/auth.ts';
import { translateCode } from '../../i18n/error-message.ts';

const USERNAME = /^[a-z0-9_.-]{3,64}$/;

/** The registration's first account: username, holder, password twice (checked with the server's policy). */
export function AccountFields() {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={5}>{t('employers.register.account')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="username"
            label={t('employers.register.username')}
            extra={t('employers.register.usernameHint')}
            normalize={(v: string) => v.toLowerCase()}
            rules={[{ required: true, pattern: USERNAME, message: t('errors.username_format') }]}
          >
            <Input maxLength={64} autoComplete="username" data-testid="register-username" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="displayName"
            label={t('employers.register.displayName')}
            rules={[
              {
                required: true,
                whitespace: true,
                max: 100,
                message: t('employers.register.displayNameRequired'),
              },
            ]}
          >
            <Input maxLength={100} data-testid="register-display-name" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('employers.register.password')}
            extra={t('employers.register.passwordRule')}
            rules={[
              {
                // the server's own policy, so the form never accepts what the server refuses
                validator: async (_, v: string | undefined) => {
                  if (!v) throw new Error(t('employers.register.passwordRequired'));
                  const result = ZNewPassword.safeParse(v);
                  if (!result.success) {
                    const code = result.error.issues[0]?.message ?? '';
                    throw new Error(translateCode(t, code) ?? t('errors.validation_error'));
                  }
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="confirm"
            label={t('employers.register.confirm')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('employers.register.confirmRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  if (v && v !== getFieldValue('password')) throw new Error(t('employers.register.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="register-confirm" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
