/** Stable error codes → HTTP status. Add a code here before throwing it. */
export const ERROR_STATUS = {
  validation_error: 400,
  invalid_current_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  /** signed in with a temporary password: only me, logout and password change answer until it is changed */
  password_change_required: 403,
  /** a state-changing request from a page of another origin (plugins/origin-check.ts) */
  cross_origin: 403,
  not_found: 404,
  conflict: 409,
  account_locked: 423,
  rate_limited: 429,
  /** past REVEAL_DAILY_LIMIT full ID numbers or phones today; the admins are alerted */
  reveal_limit_reached: 429,
  data_dir_locked: 503,
  internal_error: 500,
} as const;
export type TErrorCode = keyof typeof ERROR_STATUS;

/** The one error type services throw; the error handler turns it into `{ error: { code, message, details } }`. */
export class AppError extends Error {
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission for this') =>
  new AppError('forbidden', message);
