import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client.ts';
import { translateError } from '../../i18n/error-message.ts';

/**
 * The text for a refused account change. A 400 from a service rule (a role that does not fit the org kind,
 * an unknown org code, deactivating oneself) carries no issue codes, but its message names what is wrong, in
 * the server's "中文 / English" form: show the half in the reader's language instead of a generic line.
 * Anything else goes through the usual translation.
 */
export function serverMessage(t: TFunction, language: string, error: unknown): string {
  if (!(error instanceof ApiError) || error.code !== 'validation_error' || Array.isArray(error.details)) {
    return translateError(t, error);
  }
  const text = error.message.trim();
  if (!text) return translateError(t, error);
  const halves = text.split(' / ');
  if (halves.length !== 2) return text;
  return (language.startsWith('zh') ? halves[0] : halves[1])!.trim();
}
