import { PaperClipOutlined } from '@ant-design/icons';
import { Card, Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TSelfCase } from '../../../domain/api/portal.ts';
import { selfFileUrl } from '../../api/me.ts';
import { useCardSize } from './card-size.ts';
import { formatDay } from './me-format.ts';

const KIND_COLOR = { application: 'blue', interview: 'orange', offer: 'green', rejected: 'gray' } as const;

/** My progress, newest first, and the destination once staff have recorded it. */
export function ProgressList({ record }: { record: TSelfCase }) {
  const { t } = useTranslation();
  const size = useCardSize();
  const d = record.destination;
  return (
    <Card size={size} title={t('me.progress.listTitle')} data-testid="me-progress-list">
      {d && (
        <Typography.Paragraph strong>
          {d.employer
            ? t('me.progress.destination', { employer: d.employer })
            : t('me.progress.destinationUnknown')}
          {d.date && <Typography.Text type="secondary"> · {formatDay(d.date)}</Typography.Text>}
        </Typography.Paragraph>
      )}
      {record.progress.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('me.progress.empty')} />
      ) : (
        <Timeline
          items={record.progress.map((p) => ({
            key: p.id,
            color: p.kind ? KIND_COLOR[p.kind] : 'gray',
            content: (
              <div data-testid="me-progress-item">
                <Typography.Text strong>
                  {p.kind ? t(`me.progressKinds.${p.kind}`) : t('common.none')} ·{' '}
                  {p.employer ?? t('common.none')}
                </Typography.Text>
                {p.post && <Typography.Text type="secondary"> · {p.post}</Typography.Text>}
                <div>
                  <Typography.Text type="secondary">{formatDay(p.date ?? p.at)}</Typography.Text>{' '}
                  <Tag>{p.bySelf ? t('me.progress.bySelf') : t('me.progress.byStaff')}</Tag>
                </div>
                {p.note && <Typography.Paragraph style={{ margin: 0 }}>{p.note}</Typography.Paragraph>}
                {p.evidenceFileId && (
                  <Typography.Link href={selfFileUrl(p.evidenceFileId)} target="_blank" rel="noopener">
                    <PaperClipOutlined /> {t('me.progress.viewEvidence')}
                  </Typography.Link>
                )}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
