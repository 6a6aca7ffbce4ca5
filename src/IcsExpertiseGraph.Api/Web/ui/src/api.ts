// The one way the UI talks to the service: GraphQL over HTTP POST to /graphql, same origin, with the bearer
// token when signed in. Errors keep the API's extensions.code and extensions.field so forms can show each
// message beside the field at fault.

import { currentSession, signOut } from './session';

export interface ApiErrorDetail {
  message: string;
  code: string;
  field?: string;
  currentVersion?: number;
}

export class ApiError extends Error {
  constructor(readonly details: ApiErrorDetail[], readonly status: number) {
    super(details.map((d) => d.message).join(' '));
    this.name = 'ApiError';
  }

  has(code: string): boolean {
    return this.details.some((d) => d.code === code);
  }

  forField(field: string): ApiErrorDetail[] {
    return this.details.filter((d) => d.field === field);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; currentVersion?: number } }[];
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;

  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }), ...(signal ? { signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError([{ message: 'The service could not be reached. Check your connection and try again.', code: 'NETWORK_ERROR' }], 0);
  }

  if (response.status === 429) {
    const wait = response.headers.get('retry-after');
    throw new ApiError([{ message: `Too many requests: wait ${wait ?? 'a minute'} seconds and try again.`, code: 'RATE_LIMITED' }], 429);
  }

  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError([{ message: `The service answered ${response.status} without a GraphQL response.`, code: 'BAD_RESPONSE' }], response.status);
  }

  if (body.errors?.length) {
    const details = body.errors.map((e) => ({
      message: e.message,
      code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      ...(e.extensions?.field ? { field: e.extensions.field } : {}),
      ...(e.extensions?.currentVersion !== undefined ? { currentVersion: e.extensions.currentVersion } : {}),
    }));
    // A token the service no longer accepts (expired, revoked, or signed by a key it no longer has) ends the session:
    // the service answers such a request as anonymous, so UNAUTHENTICATED despite a token means the token is dead.
    if (session && (response.status === 401 || details.some((d) => d.code === 'UNAUTHENTICATED'))) signOut();
    throw new ApiError(details, response.status);
  }

  if (body.data === undefined || body.data === null) {
    throw new ApiError([{ message: 'The service returned no data.', code: 'BAD_RESPONSE' }], response.status);
  }

  return body.data;
}
