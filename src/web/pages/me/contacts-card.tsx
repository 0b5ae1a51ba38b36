import { PhoneOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TSelfCase, TSelfContact } from '../../../domain/api/portal.ts';
import { useCardSize } from './card-size.ts';
import { telHref } from './me-format.ts';

function Contact({ role, contact }: { role: string; contact: TSelfContact }) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap="small" wrap data-testid="me-contact">
      <Flex vertical style={{ minWidth: 0 }}>
        <Typography.Text strong>
          {contact.name} <Typography.Text type="secondary">· {role}</Typography.Text>
        </Typography.Text>
        {contact.orgName && <Typography.Text type="secondary">{contact.orgName}</Typography.Text>}
      </Flex>
      {contact.phone ? (
        <Button
          href={telHref(contact.phone)}
          icon={<PhoneOutlined />}
          aria-label={t('me.contacts.call', { phone: contact.phone })}
        >
          {contact.phone}
        </Button>
      ) : (
        <Typography.Text type="secondary">{t('me.contacts.noPhone')}</Typography.Text>
      )}
    </Flex>
  );
}

/** My helper (一帮一) and counselors, with tap-to-call numbers. */
export function ContactsCard({ record }: { record: TSelfCase }) {
  const { t } = useTranslation();
  const size = useCardSize();
  return (
    <Card size={size} title={t('me.contacts.title')} data-testid="me-contacts">
      <Flex vertical gap="middle">
        {record.helper ? (
          <Contact role={t('me.contacts.helper')} contact={record.helper} />
        ) : (
          <Typography.Text type="secondary">{t('me.contacts.noHelper')}</Typography.Text>
        )}
        {record.counselors.length > 0 ? (
          record.counselors.map((c) => <Contact key={c.name} role={t('me.contacts.counselor')} contact={c} />)
        ) : (
          <Typography.Text type="secondary">{t('me.contacts.noCounselor')}</Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
