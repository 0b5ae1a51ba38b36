import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { i18n, readStoredLocale, storeLocale, type TLocale } from '../i18n/index.ts';

const ANTD_LOCALES = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd };
const DAYJS_LOCALES: Record<TLocale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

// before the first render, so dates in the first paint are already in the stored language
dayjs.locale(DAYJS_LOCALES[readStoredLocale()]);

type TLocaleContext = { locale: TLocale; setLocale: (locale: TLocale) => void };
const LocaleContext = createContext<TLocaleContext>({ locale: 'zh-CN', setLocale: () => {} });

export function useLocale(): TLocaleContext {
  return useContext(LocaleContext);
}

/** Keeps i18next, antd and dayjs on the same language, and remembers it in localStorage. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<TLocale>(readStoredLocale);

  useEffect(() => {
    dayjs.locale(DAYJS_LOCALES[locale]);
    document.documentElement.lang = locale;
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale]);

  const setLocale = useCallback((next: TLocale) => {
    storeLocale(next);
    // dayjs first, so components re-rendered by the language change already format dates in it
    dayjs.locale(DAYJS_LOCALES[next]);
    setLocaleState(next);
  }, []);

  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LocaleContext.Provider value={value}>
      <ConfigProvider locale={ANTD_LOCALES[locale]}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LocaleContext.Provider>
  );
}
