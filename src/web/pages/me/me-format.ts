import dayjs from 'dayjs';

/** 2020-07-15 */
export function formatDay(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD') : '—';
}

/** 2020-07-15 09:00 */
export function formatTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** A dialable tel: link for a phone as staff typed it ("0851-8888 8888" → tel:085188888888). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

export const MAX_EVIDENCE_MB = 10;
export const EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** A first check in the browser (the server checks the content): null when fine, else the message key. */
export function evidenceProblem(file: { name: string; size: number }): 'tooLarge' | 'badType' | null {
  if (file.size > MAX_EVIDENCE_MB * 1024 * 1024) return 'tooLarge';
  return /\.(pdf|jpe?g|png)$/i.test(file.name) ? null : 'badType';
}
