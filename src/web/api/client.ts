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
  throw toApiError(path, response.status, response.statusText, payload);
}

/** The error for a non-2xx answer; a 401 outside the session probes also ends the session in the UI. */
function toApiError(path: string, status: number, statusText: string, payload: unknown): ApiError {
  const error = (payload as Partial<TErrorBody> | undefined)?.error;
  if (status === 401 && !SESSION_PROBES.has(path)) onUnauthorized();
  return new ApiError(
    status,
    error?.code ?? (status >= 500 ? 'internal_error' : 'unknown'),
    error?.message ?? statusText,
    error?.details,
    payload,
  );
}

type TUploadInit = {
  query?: Record<string, string | undefined>;
  /** bytes sent so far and the total, as the browser reports them */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
};

/**
 * Multipart POST with upload progress (fetch cannot report it, and a 100 MB roster takes a while on a county
 * network), answering like `apiFetch`: the parsed body, or an `ApiError`.
 */
export function apiUpload<T>(path: string, form: FormData, init: TUploadInit = {}): Promise<T> {
  const url = withQuery(path, init.query);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => init.onProgress?.(e.loaded, e.lengthComputable ? e.total : 0);
    xhr.onload = () => {
      const payload = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(toApiError(path, xhr.status, xhr.statusText, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    init.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** The file name a download answer proposes (RFC 5987 `filename*` first), else the fallback. */
export function downloadName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a file and hands it to the browser as a download. Unlike a bare `<a download>`, a refusal (too many
 * rows, no permission, a batch without errors) comes back as an `ApiError` the page can show.
 */
export async function apiDownload(
  path: string,
  fallbackName: string,
  query?: Record<string, string | undefined>,
): Promise<void> {
  const url = withQuery(path, query);
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network', String(cause));
  }
  if (!response.ok) {
    throw toApiError(path, response.status, response.statusText, await readJson(response));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = downloadName(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // the click has started the download; give slow browsers a moment before the blob goes
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
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
  return parseJson(await response.text());
}

function parseJson(text: string): unknown {
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
