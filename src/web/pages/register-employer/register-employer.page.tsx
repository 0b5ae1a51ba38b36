import { Alert, Button, Card, Checkbox, Col, Flex, Form, Input, Result, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EMPLOYER_TAGS } from '../../../domain/opportunities/codes.ts';
import { normalizeCreditCode } from '../../../domain/opportunities/credit-code.ts';
import { ApiError } from '../../api/client.ts';
import { type TEmployerRegistration, useRegisterEmployer } from '../../api/opportunities.ts';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { useDocumentTitle } from '../../components/page-header.tsx';
import { useServerErrorMessage } from '../../i18n/error-message.ts';
import { AccountFields } from './account-fields.tsx';
import { creditDisplay, creditFeedback } from './credit-code-field.ts';
import { EmployerContactFields, EmployerOrgFields } from './employer-fields.tsx';
import { pathOfCode, useRegionOptions } from './region-picker.tsx';

type TForm = Omit<TEmployerRegistration, 'regionCode'> & { regionCode: string | null; confirm: string };

/**
 * 用人单位注册 (public): the organisation, its contact and its first account. The credit code is checked as it
 * is typed with the GB 32100 rules the server applies; the region defaults to where the code was issued.
 */
export function RegisterEmployerPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const errorText = useServerErrorMessage();
  const register = useRegisterEmployer();
  const regions = useRegionOptions();
  const [form] = Form.useForm<TForm>();
  const [creditSettled, setCreditSettled] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; username: string } | null>(null);
  useDocumentTitle(t('employers.register.title'));
  const zh = i18n.language.startsWith('zh');

  const credit = creditFeedback(Form.useWatch('creditCode', form), creditSettled);
  const { status: creditStatus, help: creditHelp } = creditDisplay(t, zh, credit, creditSettled);

  const onCreditChange = (raw: string) => {
    const fb = creditFeedback(raw, false);
    // the code says where it was issued: a sensible default for the region, never overriding a choice
    if (
      fb.state === 'ok' &&
      !form.getFieldValue('regionCode') &&
      regions &&
      pathOfCode(regions, fb.regionCode)
    ) {
      form.setFieldValue('regionCode', fb.regionCode);
    }
  };

  const onFinish = ({ confirm: _c, regionCode, ...v }: TForm) => {
    setError(null);
    register.mutate(
      { ...v, regionCode: regionCode ?? '', creditCode: normalizeCreditCode(v.creditCode) },
      {
        onSuccess: (r) => setDone({ name: v.name.trim(), username: r.username }),
        onError: (e) => {
          const d =
            e instanceof ApiError
              ? (e.details as { field?: string; reason?: string } | undefined)
              : undefined;
          if (d?.field === 'creditCode' && d.reason === 'taken') {
            form.setFields([{ name: 'creditCode', errors: [t('employers.register.creditTaken')] }]);
          } else if (d?.field === 'username' && d.reason === 'taken') {
            form.setFields([{ name: 'username', errors: [t('employers.register.usernameTaken')] }]);
          } else if (d?.field && d.field in form.getFieldsValue()) {
            form.setFields([{ name: d.field as keyof TForm, errors: [errorText(e)] }]);
          } else {
            setError(errorText(e));
          }
        },
      },
    );
  };

  return (
    <Flex vertical align="center" gap="large" className="login-page">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Flex vertical align="center" gap={4}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('app.name')}
        </Typography.Title>
      </Flex>
      {done ? (
        <Card style={{ width: '100%', maxWidth: 760 }}>
          <Result
            status="success"
            title={t('employers.register.doneTitle')}
            subTitle={t('employers.register.doneDetail', done)}
            extra={
              <Button type="primary" onClick={() => navigate('/login')} data-testid="register-to-login">
                {t('employers.register.login')}
              </Button>
            }
            data-testid="register-done"
          />
        </Card>
      ) : (
        <Card title={t('employers.register.title')} style={{ width: '100%', maxWidth: 760 }}>
          <Typography.Paragraph type="secondary">{t('employers.register.intro')}</Typography.Paragraph>
          <Form<TForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onFinishFailed={() => setCreditSettled(true)}
            initialValues={{ tags: [], regionCode: null }}
            disabled={register.isPending}
            scrollToFirstError
            data-testid="register-form"
          >
            <Typography.Title level={5}>{t('employers.register.org')}</Typography.Title>
            <Row gutter={16}>
              <Col xs={24} md={14}>
                <Form.Item
                  name="name"
                  label={t('employers.register.name')}
                  rules={[
                    {
                      required: true,
                      whitespace: true,
                      min: 2,
                      max: 100,
                      message: t('employers.register.nameRequired'),
                    },
                  ]}
                >
                  <Input autoFocus maxLength={100} autoComplete="organization" data-testid="register-name" />
                </Form.Item>
              </Col>
              <Col xs={24} md={10}>
                <Form.Item
                  name="creditCode"
                  label={t('employers.register.creditCode')}
                  normalize={(v: string) => normalizeCreditCode(v ?? '').slice(0, 18)}
                  validateStatus={creditStatus}
                  hasFeedback={creditStatus !== ''}
                  help={creditHelp}
                  validateTrigger={[]}
                  rules={[
                    {
                      validator: async (_, v: string | undefined) => {
                        const fb = creditFeedback(v, true);
                        if (fb.state === 'empty') throw new Error(t('employers.register.creditCodeRequired'));
                        if (fb.state === 'error') throw new Error(zh ? fb.messageZh : fb.messageEn);
                      },
                    },
                  ]}
                >
                  <Input
                    className="mono"
                    maxLength={24}
                    placeholder={t('employers.register.creditCodePlaceholder')}
                    onChange={(e) => onCreditChange(e.target.value)}
                    onBlur={() => setCreditSettled(true)}
                    onFocus={() => setCreditSettled(false)}
                    data-testid="register-credit-code"
                  />
                </Form.Item>
              </Col>
            </Row>
            <EmployerOrgFields regions={regions} testId="register" />
            <Form.Item name="tags" label={t('employers.register.tags')}>
              <Checkbox.Group
                options={EMPLOYER_TAGS.map((tag) => ({ value: tag, label: t(`employers.tags.${tag}`) }))}
              />
            </Form.Item>
            <EmployerContactFields testId="register" />
            <AccountFields />
            {error && (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                data-testid="register-error"
              />
            )}
            <Flex gap="middle" align="center" wrap>
              <Button
                type="primary"
                htmlType="submit"
                loading={register.isPending}
                data-testid="register-submit"
              >
                {t('employers.register.submit')}
              </Button>
              <Link to="/login">{t('employers.register.backToLogin')}</Link>
            </Flex>
          </Form>
        </Card>
      )}
    </Flex>
  );
}
