import { Card, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCasePairings } from '../../api/cases.ts';
import { formatDate } from './case-labels.ts';

/** 一帮一 history: who helped when, and why it ended. Not shown when the history cannot be read. */
export function PairingHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const pairings = useCasePairings(caseId);
  if (pairings.isError) return null;
  return (
    <Card
      size="small"
      title={t('cases.pairings.title')}
      style={{ marginBottom: 16 }}
      loading={pairings.isPending}
      data-testid="pairing-history"
    >
      <List
        size="small"
        dataSource={pairings.data ?? []}
        locale={{ emptyText: t('cases.pairings.none') }}
        renderItem={(p) => (
          <List.Item>
            <List.Item.Meta
              title={
                <>
                  {p.helperName}
                  {(p.current ?? !p.endedAt) && (
                    <Tag color="green" style={{ marginInlineStart: 6 }}>
                      {t('cases.pairings.current')}
                    </Tag>
                  )}
                </>
              }
              description={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('cases.pairings.period', {
                    from: formatDate(p.startedAt),
                    to: p.endedAt ? formatDate(p.endedAt) : t('common.present'),
                  })}
                  {p.assignedByName ? ` · ${t('cases.pairings.assignedBy', { name: p.assignedByName })}` : ''}
                  {p.endReason ? ` · ${t('cases.pairings.endReason', { reason: p.endReason })}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
