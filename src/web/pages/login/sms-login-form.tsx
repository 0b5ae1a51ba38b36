import { MobileOutlined, SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useSmsLogin, useSmsRequest } from '../../api/me.ts';
import { useErrorMessage } from '../../i18n/error-message.ts';

type TForm = { phone: string; code: string };

const SMS_REASONS = ['no_code', 'expired', 'used', 'too_many_attempts', 'wrong_code'] as const;

/** Seconds left on a countdown that ends at `until` (epoch ms), ticking once a second. */
function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** The refusal in words: why a code failed, how long to wait, or the usual error text. */
function smsError(t: TFunction, error: unknown, fallback: (e: unknown) => string): string {
  if (isApiError(error) && error.code === 'invalid_credentials') {
    const d = error.details as { reason?: string; attemptsLeft?: number } | undefined;
    if (d?.reason === 'wrong_code' && typeof d.attemptsLeft === 'number') {
      return t('me.sms.attemptsLeft', { count: d.attemptsLeft });
    }
    const reason = SMS_REASONS.find((r) => r === d?.reason);
    if (reason) return t(`me.sms.reasons.${reason}`);
  }
  if (isApiError(error) && error.code === 'validation_error') return t('me.sms.phoneRequired');
  return fallback(error);
}

/** 短信验证码登录: phone, send a code (60 s countdown), type it in. For graduates with an account. */
export function SmsLoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<TForm>();
  const request = useSmsRequest();
  const login = useSmsLogin();
  const [resendAt, setResendAt] = useState(0);
  const [sent, setSent] = useState(false);
  const wait = useCountdown(resendAt);

  const send = async () => {
    const { phone } = await form.validateFields(['phone']).catch(() => ({ phone: undefined }));
    if (!phone) return;
    request.mutate(phone, {
      onSuccess: (r) => {
        setSent(true);
        setResendAt(Date.now() + r.cooldownSeconds * 1000);
      },
      onError: (error) => {
        const retry = (error as { details?: { retryAfterSeconds?: number } }).details?.retryAfterSeconds;
        if (isApiError(error, 429) && retry) setResendAt(Date.now() + retry * 1000);
      },
    });
  };

  const requestError =
    request.isError && isApiError(request.error, 429) && wait > 0
      ? t('me.sms.rateLimited', { seconds: wait })
      : request.isError
        ? smsError(t, request.error, errorMessage)
        : null;

  return (
    <Form<TForm>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={login.isPending}
      onFinish={(v) => login.mutate({ phone: v.phone, code: v.code.trim() }, { onSuccess })}
    >
      <Form.Item
        name="phone"
        label={t('me.sms.phone')}
        rules={[
          { required: true, message: t('me.sms.phoneRequired') },
          {
            pattern: /^(\+?86)?\s*1[3-9]\d(?:[\s-]?\d){8}$/,
            message: t('me.sms.phoneRequired'),
          },
        ]}
      >
        <Input
          prefix={<MobileOutlined />}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={20}
          data-testid="sms-phone"
        />
      </Form.Item>
      <Form.Item label={t('me.sms.code')} required>
        <Flex gap="small">
          <Form.Item
            name="code"
            noStyle
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('me.sms.codeRequired') }]}
          >
            <Input
              prefix={<SafetyOutlined />}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              data-testid="sms-code"
            />
          </Form.Item>
          <Button
            onClick={() => void send()}
            disabled={wait > 0}
            loading={request.isPending}
            style={{ flex: 'none' }}
            data-testid="sms-send"
          >
            {wait > 0 ? t('me.sms.resend', { seconds: wait }) : t('me.sms.send')}
          </Button>
        </Flex>
      </Form.Item>
      {sent && !request.isError && (
        <Alert
          type="info"
          showIcon
          title={t('me.sms.sent')}
          style={{ marginBottom: 16 }}
          data-testid="sms-sent"
        />
      )}
      {requestError && (
        <Alert
          type="error"
          showIcon
          title={requestError}
          style={{ marginBottom: 16 }}
          data-testid="sms-error"
        />
      )}
      {login.isError && (
        <Alert
          type="error"
          showIcon
          title={smsError(t, login.error, errorMessage)}
          style={{ marginBottom: 16 }}
          data-testid="sms-login-error"
        />
      )}
      <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="sms-submit">
        {t('me.sms.submit')}
      </Button>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('me.sms.hint')}
      </Typography.Paragraph>
    </Form>
  );
}
