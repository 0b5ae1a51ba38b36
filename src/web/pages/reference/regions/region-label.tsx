import { Badge, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRegionNode } from '../../../../domain/api/reference.ts';

/** One region as a line: name, code, focus marker (or the count of focus counties below), former codes. */
export function RegionLabel({ region }: { region: TRegionNode }) {
  const { t } = useTranslation();
  return (
    <Flex component="span" align="center" gap={6} wrap style={{ display: 'inline-flex' }}>
      <span>{region.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {region.code}
      </Typography.Text>
      {region.isFocus && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="focus-tag">
          {t('regions.focusTag')}
        </Tag>
      )}
      {!region.isFocus && region.focusCount > 0 && (
        <Tooltip title={t('regions.focusBelow', { count: region.focusCount })}>
          <Badge count={region.focusCount} color="red" size="small" overflowCount={999} />
        </Tooltip>
      )}
      {region.historicalCodes.map((code) => (
        <Tag key={code} style={{ marginInlineEnd: 0, color: '#8c8c8c' }}>
          {t('regions.historical', { code })}
        </Tag>
      ))}
    </Flex>
  );
}

export function LevelTag({ level }: { level: number }) {
  const { t } = useTranslation();
  const label = level === 1 ? t('regions.level1') : level === 2 ? t('regions.level2') : t('regions.level3');
  return <Tag>{label}</Tag>;
}
