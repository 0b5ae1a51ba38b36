import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TGraduateListItem } from '../../../domain/api/registry.ts';
import { readReasons } from './target-reasons.ts';

/** 建档立卡 / 重点县 tags, each explaining in a tooltip which registry entry or focus list put them there. */
export function TargetTags({ graduate }: { graduate: TGraduateListItem }) {
  const { t } = useTranslation();
  const reasons = readReasons(graduate.targetReasons);
  const none = t('common.none');
  return (
    <Flex gap={4} wrap>
      {graduate.isRegisteredPoor && (
        <Tooltip
          title={t('graduates.poorTip', {
            county: reasons.registeredPoor?.countyCode ?? none,
            household: reasons.registeredPoor?.householdRef ?? none,
          })}
        >
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="tag-poor">
            {t('graduates.poorTag')}
          </Tag>
        </Tooltip>
      )}
      {graduate.isFocusCounty && (
        <Tooltip
          title={t('graduates.focusTip', {
            county: graduate.domicileName ?? reasons.focusCounty?.countyCode ?? none,
            list: reasons.focusCounty?.listName ?? none,
          })}
        >
          <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="tag-focus">
            {t('graduates.focusTag')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
