import { Menu, type MenuProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { leafForPath, NAV, navFor } from '../app/nav.ts';
import { useCurrentUser } from '../components/require-auth.tsx';
import { NAV_ICONS } from './nav-icons.tsx';

type TMenuItem = NonNullable<MenuProps['items']>[number];

const GROUP_KEYS = NAV.flatMap((item) => (item.kind === 'group' ? [item.key] : []));

export function SideMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { pathname } = useLocation();

  const items = useMemo(
    () =>
      navFor(me.roles).map(
        (item): TMenuItem =>
          item.kind === 'page'
            ? {
                key: item.path,
                icon: NAV_ICONS[item.key],
                label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
              }
            : {
                key: item.key,
                icon: NAV_ICONS[item.key],
                label: t(`nav.${item.key}`),
                children: item.children.map((leaf) => ({
                  key: leaf.path,
                  icon: NAV_ICONS[leaf.key],
                  label: <Link to={leaf.path}>{t(`nav.${leaf.key}`)}</Link>,
                })),
              },
      ),
    [me.roles, t],
  );

  const selected = leafForPath(pathname)?.path;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={GROUP_KEYS}
      style={{ borderInlineEnd: 'none' }}
      data-testid="main-menu"
    />
  );
}
