/** Confluence's error answers: v2's `{errors: [...]}` envelope and v1's `{statusCode, message}`. */

const CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'REQUEST_ENTITY_TOO_LARGE',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  501: 'NOT_IMPLEMENTED',
  503: 'SERVICE_UNAVAILABLE',
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** Thrown by route handlers; the stand-in turns it into the API's error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly title: string = TITLES[status] ?? `HTTP ${status}`,
    readonly detail: string | null = null,
  ) {
    super(`${status} ${title}`);
  }
}

export const notFound = (): ApiError => new ApiError(404);
export const badRequest = (title: string): ApiError => new ApiError(400, title);

/**
 * The caller may see the target but not do this to it. Confluence's v2 spec documents 404 for
 * this on createPage, updatePage and deletePage ("the user does not have the needed permissions"),
 * and lists no 403 for them, so the stand-in answers 404 too; this is the one place to change it.
 */
export const notPermitted = (): ApiError => new ApiError(404);

export interface V2ErrorBody {
  errors: { status: number; code: string; title: string; detail: string | null }[];
}

export function v2ErrorBody(status: number, title: string = TITLES[status] ?? `HTTP ${status}`, detail: string | null = null): V2ErrorBody {
  return { errors: [{ status, code: CODES[status] ?? `HTTP_${status}`, title, detail }] };
}

export function v1ErrorBody(status: number, message: string) {
  return {
    statusCode: status,
    data: { authorized: status !== 401 && status !== 403, valid: true, errors: [], successful: false },
    message,
  };
}
