import type { components } from './schema';

/** Problem is the API's RFC 9457 error body (docs/openapi.yaml). */
export type Problem = components['schemas']['Problem'];

/**
 * ApiError is every failed API call: the HTTP status, the stable `code` the
 * UI branches on, per-field `errors` and the `requestId` to quote. A network
 * failure is status 0, code "network".
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string | undefined;
  readonly errors: Record<string, string>;
  readonly requestId: string | undefined;
  /** retryAfter is Retry-After in seconds (429), when sent. */
  readonly retryAfter: number | undefined;

  constructor(p: { status: number; code: string; detail?: string; errors?: Record<string, string>; requestId?: string; retryAfter?: number }) {
    super(p.detail ?? p.code);
    this.name = 'ApiError';
    this.status = p.status;
    this.code = p.code;
    this.detail = p.detail;
    this.errors = p.errors ?? {};
    this.requestId = p.requestId;
    this.retryAfter = p.retryAfter;
  }

  /** fromResponse builds the error from a failed response and its parsed body (a Problem, or anything else). */
  static fromResponse(response: Response, body: unknown): ApiError {
    const retry = Number(response.headers.get('Retry-After'));
    const common = {
      status: response.status,
      requestId: response.headers.get('X-Request-ID') ?? undefined,
      retryAfter: Number.isFinite(retry) && response.headers.has('Retry-After') ? retry : undefined,
    };
    if (isProblem(body)) {
      return new ApiError({
        ...common,
        code: body.code,
        detail: body.detail,
        errors: body.errors,
        requestId: body.request_id || common.requestId,
      });
    }
    return new ApiError({ ...common, code: codeForStatus(response.status) });
  }

  /** network wraps a fetch that never got an answer. */
  static network(cause: unknown): ApiError {
    const e = new ApiError({ status: 0, code: 'network', detail: cause instanceof Error ? cause.message : String(cause) });
    return e;
  }
}

/** isApiError narrows an unknown error (as react-query hands them out). */
export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function isProblem(b: unknown): b is Problem {
  return typeof b === 'object' && b !== null && typeof (b as Problem).code === 'string' && typeof (b as Problem).status === 'number';
}

// When the body is not a Problem (a proxy's error page), guess the code the
// server would have sent, so the UI still branches the same way.
function codeForStatus(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthenticated';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 412: return 'version_mismatch';
    case 413: return 'body_too_large';
    case 415: return 'unsupported_media_type';
    case 422: return 'validation_failed';
    case 428: return 'precondition_required';
    case 429: return 'rate_limited';
    case 503: return 'unavailable';
    default: return 'internal';
  }
}
