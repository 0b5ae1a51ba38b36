import { Card, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPermissions } from '../../../domain/roles.ts';
import { canSee, NAV_LEAVES } from '../../app/nav.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCurrentUser } from '../../components/require-auth.tsx';
import { NAV_ICONS } from '../../layout/nav-icons.tsx';
import { HealthBadge } from './health-badge.tsx';

export function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const shortcuts = NAV_LEAVES.filter((leaf) => leaf.key !== 'home' && canSee(me.roles, leaf));

  return (
    <>
      <PageHeader title={t('nav.home')} extra={<HealthBadge />} />
      <Card title={t('home.welcome', { name: me.displayName })} style={{ marginBottom: 24 }}>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'org',
              label: t('home.org'),
              children: (
                <>
                  {me.org.name} <Tag>{t(`orgKinds.${me.org.kind}`)}</Tag>
                </>
              ),
            },
            {
              key: 'roles',
              label: t('home.roles'),
              children: (
                <Flex gap={4} wrap>
                  {me.roles.map((role) => (
                    <Tag key={role} color="blue">
                      {t(`roles.${role}`)}
                    </Tag>
                  ))}
                </Flex>
              ),
            },
            {
              key: 'permissions',
              label: t('home.permissions'),
              children: (
                <Flex gap={4} wrap>
                  {listPermissions(me.roles).map((p) => (
                    <Tag key={p}>{t(`permissions.${p}`)}</Tag>
                  ))}
                </Flex>
              ),
            },
          ]}
        />
      </Card>
      <Typography.Title level={4}>{t('home.shortcuts')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {shortcuts.map((leaf) => (
          <Col key={leaf.key} xs={24} sm={12} lg={8} xl={6}>
            <Link to={leaf.path}>
              <Card hoverable style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24 }}>{NAV_ICONS[leaf.key]}</span>}
                  title={t(`nav.${leaf.key}`)}
                  description={t(`navDesc.${leaf.key}`)}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
