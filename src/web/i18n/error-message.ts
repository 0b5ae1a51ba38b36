import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { type TMessages, zhCN } from './zh-CN.ts';

type TErrorKey = keyof TMessages['errors'];

function asErrorKey(code: unknown): TErrorKey | undefined {
  return typeof code === 'string' && Object.hasOwn(zhCN.errors, code) ? (code as TErrorKey) : undefined;
}

/** The message for a stable error code, or undefined for a code this client does not know. */
export function translateCode(t: TFunction, code: string): string | undefined {
  const key = asErrorKey(code);
  return key ? t(`errors.${key}`) : undefined;
}

/** Zod issues from a 400: their `message` is a code such as `password_too_short` when the schema sets one. */
function issueMessages(t: TFunction, details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((issue: { message?: unknown }) => {
    const key = asErrorKey(issue?.message);
    return key ? [t(`errors.${key}`)] : [];
  });
}

/** The message to show a person for any error a query or mutation threw. */
export function translateError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'account_locked') {
    const until = (error.details as { lockedUntil?: string } | undefined)?.lockedUntil;
    return t('errors.account_locked', {
      until: until ? dayjs(until).format('YYYY-MM-DD HH:mm') : t('common.none'),
    });
  }
  if (error.code === 'validation_error') {
    const issues = issueMessages(t, error.details);
    if (issues.length > 0) return issues.join('；');
  }
  const key = asErrorKey(error.code);
  if (key) return t(`errors.${key}`);
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.not_found');
  if (error.status >= 500) return t('errors.internal_error');
  return error.message || t('errors.unknown');
}

export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return useCallback((error: unknown) => translateError(t, error), [t]);
}

/**
 * The message for a refused action whose reason only the server knows (a 409 "a later batch changed these
 * graduates", a 400 "over 200,000 rows"): the half of its "中文 / English" message in the reader's language.
 * Schema failures, sign-in problems and messages not in two halves go through `translateError`.
 */
export function translateServerError(t: TFunction, language: string, error: unknown): string {
  if (
    !(error instanceof ApiError) ||
    !(error.status === 400 || error.status === 403 || error.status === 409 || error.status === 413) ||
    Array.isArray(error.details)
  ) {
    return translateError(t, error);
  }
  const text = error.message.trim();
  const at = text.indexOf(' / ');
  if (at < 0) return translateError(t, error);
  const zh = text.slice(0, at).trim();
  const en = text.slice(at + 3).trim();
  return (language.startsWith('zh') ? zh : en) || translateError(t, error);
}

export function useServerErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return useCallback((error: unknown) => translateServerError(t, i18n.language, error), [t, i18n.language]);
}
