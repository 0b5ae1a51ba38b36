import { Collapse, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TCaseRecommendations } from '../../../domain/api/matching.ts';
import { PostCell } from './recommendation-table.tsx';
import { useZh } from './score-breakdown.tsx';

/** Posts left out for a reason or two ("专业不符", "已截止"), each reason explained on hover and below. */
export function NearMisses({ items }: { items: TCaseRecommendations['nearMisses'] }) {
  const { t } = useTranslation();
  const zh = useZh();
  return (
    <Collapse
      size="small"
      style={{ marginTop: 16 }}
      data-testid="near-misses"
      items={[
        {
          key: 'near',
          label: (
            <span>
              {t('matching.nearMisses.title')} <Tag>{items.length}</Tag>
            </span>
          ),
          children: (
            <>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t('matching.nearMisses.hint')}
              </Typography.Paragraph>
              {items.length === 0 ? (
                <Typography.Text type="secondary">{t('matching.nearMisses.empty')}</Typography.Text>
              ) : (
                <Flex vertical gap={12}>
                  {items.map((m) => (
                    <Flex key={m.post.id} justify="space-between" gap={12} data-testid="near-miss">
                      <Flex vertical gap={4} style={{ minWidth: 0 }}>
                        <PostCell post={m.post} />
                        <Flex gap={4} wrap align="center">
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {t('matching.nearMisses.whyNot')}：
                          </Typography.Text>
                          {m.reasons.map((r) => (
                            <Tooltip key={r.code} title={zh ? r.reasonZh : r.reasonEn}>
                              <Tag color="orange" data-testid="near-miss-reason">
                                {zh ? r.labelZh : r.labelEn}
                              </Tag>
                            </Tooltip>
                          ))}
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {m.reasons.map((r) => (zh ? r.reasonZh : r.reasonEn)).join('；')}
                          </Typography.Text>
                        </Flex>
                      </Flex>
                      <Typography.Text className="mono" type="secondary">
                        {m.score}
                      </Typography.Text>
                    </Flex>
                  ))}
                </Flex>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
