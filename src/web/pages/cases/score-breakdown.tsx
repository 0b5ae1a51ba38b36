import { Flex, Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFactorBreakdownDto } from '../../../domain/api/matching.ts';

/** Whether to show the Chinese or the English half of a bilingual reason. */
export function useZh(): boolean {
  return useTranslation().i18n.language.startsWith('zh');
}

/**
 * Why a post scored what it did: each factor with its points out of its maximum (as a small bar) and the
 * scorer's own explanation, shown as it was sent.
 */
export function ScoreBreakdown({ breakdown }: { breakdown: readonly TFactorBreakdownDto[] }) {
  const { t } = useTranslation();
  const zh = useZh();
  return (
    <Table<TFactorBreakdownDto>
      rowKey="factor"
      size="small"
      pagination={false}
      dataSource={[...breakdown]}
      data-testid="score-breakdown"
      columns={[
        {
          key: 'factor',
          title: t('matching.factorCol.factor'),
          width: 110,
          render: (_, f) => t(`matching.factors.${f.factor}`),
        },
        {
          key: 'points',
          title: t('matching.factorCol.points'),
          width: 150,
          render: (_, f) => (
            <Flex align="center" gap={8}>
              <Progress
                percent={f.max > 0 ? Math.round((f.points / f.max) * 100) : 0}
                showInfo={false}
                size="small"
                style={{ width: 60, margin: 0 }}
              />
              <Typography.Text className="mono" data-testid={`factor-${f.factor}`}>
                {f.points}/{f.max}
              </Typography.Text>
            </Flex>
          ),
        },
        {
          key: 'reason',
          title: t('matching.factorCol.reason'),
          render: (_, f) => (zh ? f.reasonZh : f.reasonEn),
        },
      ]}
    />
  );
}
