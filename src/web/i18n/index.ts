import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from './en-US.ts';
import { type TMessages, zhCN } from './zh-CN.ts';

export const LOCALES = ['zh-CN', 'en-US'] as const;
export type TLocale = (typeof LOCALES)[number];
export const LOCALE_STORAGE_KEY = 'bangfu.locale';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TMessages };
  }
}

/** The stored choice, or Chinese: the users are Chinese officials first, so we do not follow the browser. */
export function readStoredLocale(): TLocale {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return LOCALES.find((l) => l === stored) ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLocale(locale: TLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // private mode or disabled storage: the choice just lasts for this page
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
  lng: readStoredLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  initAsync: false,
});

export { i18n };
