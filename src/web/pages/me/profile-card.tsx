import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TSelfCase } from '../../../domain/api/portal.ts';
import { useCardSize } from './card-size.ts';

const STATUS_COLOR = { seeking: 'blue', placed: 'green', paused: 'default', closed: 'default' } as const;

/** Who the record is about, with the ID and phone masked. */
export function ProfileCard({ record }: { record: TSelfCase }) {
  const { t } = useTranslation();
  const size = useCardSize();
  const none = t('common.none');
  return (
    <Card
      size={size}
      title={record.name}
      extra={<Tag color={STATUS_COLOR[record.status]}>{t(`me.statuses.${record.status}`)}</Tag>}
      data-testid="me-profile"
    >
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'university', label: t('me.profile.university'), children: record.universityName },
          { key: 'college', label: t('me.profile.college'), children: record.collegeName ?? none },
          { key: 'major', label: t('me.profile.major'), children: record.majorName ?? none },
          {
            key: 'level',
            label: t('me.profile.level'),
            children: `${record.level ?? none} · ${t('me.profile.cohortValue', { year: record.cohort })}`,
          },
          {
            key: 'id',
            label: t('me.profile.idNumber'),
            children: <span className="mono">{record.idNumberMasked}</span>,
          },
          {
            key: 'phone',
            label: t('me.profile.phone'),
            children: <span className="mono">{record.phoneMasked ?? none}</span>,
          },
        ]}
      />
    </Card>
  );
}
