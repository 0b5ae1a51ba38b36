import type { TErrorBody } from '../../domain/api/common.ts';

/** A non-2xx answer (or no answer at all: status 0, code `network`). `code` is the server's stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** the whole parsed answer, for endpoints whose non-2xx body is not an error body (health's 503) */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Login and me answer 401 as part of their normal job; any other 401 means the session ended.
const SESSION_PROBES = new Set(['/api/auth/login', '/api/auth/me']);

let onUnauthorized: () => void = () => {};

/** Registers what the app does when a session ends mid-use (it sends the user to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type TFetchInit = Omit<RequestInit, 'body'> & { body?: unknown; query?: Record<string, string | undefined> };

/** Same-origin JSON fetch: sends `body` as JSON, returns the parsed answer, throws `ApiError` on non-2xx. */
export async function apiFetch<T>(path: string, init: TFetchInit = {}): Promise<T> {
  const { body, query, headers, ...rest } = init;
  const url = withQuery(path, query);
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', String(cause));
  }
  const payload = await readJson(response);
  if (response.ok) return payload as T;
  const error = (payload as Partial<TErrorBody> | undefined)?.error;
  if (response.status === 401 && !SESSION_PROBES.has(path)) onUnauthorized();
  throw new ApiError(
    response.status,
    error?.code ?? (response.status >= 500 ? 'internal_error' : 'unknown'),
    error?.message ?? response.statusText,
    error?.details,
    payload,
  );
}

function withQuery(path: string, query: TFetchInit['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // a proxy's HTML error page: keep the status, drop the body
    return undefined;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
