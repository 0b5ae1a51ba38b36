import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { App, Button, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout } from '../api/auth.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useCurrentUser } from '../components/require-auth.tsx';
import { useErrorMessage } from '../i18n/error-message.ts';
import { BRAND_ICON } from './nav-icons.tsx';
import { NotificationBell } from './notification-bell.tsx';

type TProps = {
  /** on a phone: the button that opens and closes the folded side menu */
  onToggleMenu?: () => void;
  menuOpen?: boolean;
};

export function AppHeader({ onToggleMenu, menuOpen }: TProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate('/login', { replace: true }),
      onError: (error) => void message.error(errorMessage(error)),
    });

  return (
    <Flex align="center" justify="space-between" gap="middle" style={{ height: '100%' }}>
      {onToggleMenu && (
        <Button
          type="text"
          icon={<MenuOutlined />}
          onClick={onToggleMenu}
          aria-label={t('header.menu')}
          aria-expanded={menuOpen}
          data-testid="menu-toggle"
        />
      )}
      <Link to="/" className="brand">
        <span className="brand-icon">{BRAND_ICON}</span>
        <Typography.Text strong className="brand-name">
          {t('app.name')}
        </Typography.Text>
      </Link>
      <Flex align="center" gap="middle">
        <Flex align="center" gap="small" wrap data-testid="current-user" className="current-user">
          <Typography.Text strong>{me.displayName}</Typography.Text>
          <Tooltip title={t(`orgKinds.${me.org.kind}`)}>
            <Typography.Text type="secondary">{me.org.name}</Typography.Text>
          </Tooltip>
          {me.roles.map((role) => (
            <Tag key={role} color="blue" style={{ marginInlineEnd: 0 }}>
              {t(`roles.${role}`)}
            </Tag>
          ))}
        </Flex>
        <NotificationBell />
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending} data-testid="logout">
          <span className="logout-label">{t('common.logout')}</span>
        </Button>
      </Flex>
    </Flex>
  );
}
