import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../app/locale.tsx';
import { LOCALES, type TLocale } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  return (
    <Segmented<TLocale>
      size="small"
      aria-label={t('locale.label')}
      value={locale}
      onChange={setLocale}
      options={LOCALES.map((l) => ({ value: l, label: t(`locale.${l}`) }))}
      data-testid="language-switch"
    />
  );
}
