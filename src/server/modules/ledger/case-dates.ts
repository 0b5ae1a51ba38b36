import { AppError } from '../../errors.ts';

/** China's calendar date of an instant (the users' "today"). */
export const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** When a dated entry happened, as an instant: noon of that day in China, never later than now. */
export function happenedAt(date: string, now: Date): Date {
  if (date > chinaDate(now)) {
    throw new AppError(
      'validation_error',
      `日期 ${date} 不能晚于今天 / The date ${date} cannot be in the future`,
      {
        field: 'date',
      },
    );
  }
  const noon = new Date(`${date}T12:00:00+08:00`);
  return noon < now ? noon : now;
}

export const later = (a: Date | null, b: Date) => (a && a > b ? a : b);
