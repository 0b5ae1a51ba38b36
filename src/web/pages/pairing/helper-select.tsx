import { Select, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TPairingHelper } from '../../../domain/api/pairing.ts';

/** 校领导, or the cadre's college. */
export function helperWhere(t: TFunction, h: TPairingHelper): string {
  return h.isLeader ? t('pairing.leader') : (h.collegeName ?? t('pairing.cadre'));
}

/** Leader or cadre, as a tag. */
export function HelperKindTag({ isLeader }: { isLeader: boolean }) {
  const { t } = useTranslation();
  return isLeader ? <Tag color="gold">{t('pairing.leader')}</Tag> : <Tag>{t('pairing.cadre')}</Tag>;
}

type TProps = {
  helpers: readonly TPairingHelper[];
  value: string | undefined;
  onChange: (userId: string | undefined) => void;
  /** loads to show instead of the current ones (the preview shows what confirming would make them) */
  loads?: ReadonlyMap<string, number>;
  placeholder?: string;
  allowClear?: boolean;
  width?: number | string;
  'aria-label'?: string;
  'data-testid'?: string;
};

/** Pick a helper by name or college; each option shows where they are and how many they help. */
export function HelperSelect({
  helpers,
  value,
  onChange,
  loads,
  placeholder,
  allowClear,
  width,
  ...rest
}: TProps) {
  const { t } = useTranslation();
  return (
    <Select<string>
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      allowClear={allowClear}
      placeholder={placeholder}
      style={{ width: width ?? '100%' }}
      showSearch={{ optionFilterProp: 'label' }}
      popupMatchSelectWidth={false}
      options={helpers.map((h) => ({
        value: h.userId,
        label: t('pairing.helperOption', {
          name: h.name,
          where: helperWhere(t, h),
          load: loads?.get(h.userId) ?? h.load,
        }),
      }))}
      aria-label={rest['aria-label']}
      data-testid={rest['data-testid']}
    />
  );
}
