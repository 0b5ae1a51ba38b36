import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import type { RuleObject } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZNewPassword } from '../../../domain/api/auth.ts';
import { translateCode } from '../../i18n/error-message.ts';
import { generatePassword } from './password-gen.ts';

/** The server's own password policy as a form rule, so the form never accepts what the server refuses. */
export function newPasswordRule(t: TFunction): RuleObject {
  return {
    validator: async (_, value: string | undefined) => {
      if (!value) throw new Error(t('users.passwordRequired'));
      const result = ZNewPassword.safeParse(value ?? '');
      if (result.success) return;
      const code = result.error.issues[0]?.message ?? '';
      throw new Error(translateCode(t, code) ?? t('errors.validation_error'));
    },
  };
}

type TProps = {
  value?: string;
  onChange?: (value: string) => void;
  id?: string;
  'data-testid'?: string;
};

/**
 * A password input for a password set by an administrator, with a generator. A generated password is shown
 * in clear with a copy button (antd's copy falls back to execCommand where the Clipboard API is missing,
 * as on a plain-http intranet address).
 */
export function PasswordField({ value = '', onChange, id, 'data-testid': testId }: TProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);

  const generate = () => {
    const password = generatePassword();
    setGenerated(password);
    setVisible(true);
    onChange?.(password);
  };

  return (
    <>
      <Space.Compact style={{ width: '100%' }}>
        <Input.Password
          id={id}
          value={value}
          onChange={(e) => onChange?.(e.target.value)}
          autoComplete="new-password"
          visibilityToggle={{ visible, onVisibleChange: setVisible }}
          data-testid={testId}
        />
        <Button
          icon={<ThunderboltOutlined />}
          onClick={generate}
          title={t('users.generateTitle')}
          data-testid="generate-password"
        >
          {t('users.generate')}
        </Button>
      </Space.Compact>
      {generated !== null && generated === value && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          title={
            <>
              {t('users.generatedNotice')}{' '}
              <Typography.Text
                code
                copyable={{ text: value, tooltips: [t('users.copy'), t('users.copied')] }}
                data-testid="generated-password"
              >
                {value}
              </Typography.Text>
            </>
          }
        />
      )}
    </>
  );
}
