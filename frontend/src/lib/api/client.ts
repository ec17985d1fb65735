// The one API client: openapi-fetch typed by schema.d.ts (generated from
// docs/openapi.yaml by `npm run gen`), sending through the session so every
// call carries the access token and survives its expiry.
import createClient from 'openapi-fetch';
import { env } from '@/config/env';
import { ApiError } from './errors';
import { etagOf } from './etag';
import type { paths } from './schema';
import { createSession } from './session';

/** session is this tab's sign-in state and access token. */
export const session = createSession({ baseUrl: env.apiUrl });

/** api is the typed client: api.GET('/api/v1/me'), api.PATCH(...). */
export const api = createClient<paths>({ baseUrl: env.apiUrl, fetch: session.fetch });

type Result = { data?: unknown; error?: unknown; response: Response };

/** Data is the success member's data of an openapi-fetch result. */
type Data<R> = R extends { data: infer D; error?: never } ? D : never;

async function settle<R extends Result>(call: Promise<R>): Promise<{ data: Data<R>; response: Response }> {
  let r: R;
  try {
    r = await call;
  } catch (e) {
    throw ApiError.network(e);
  }
  if (r.error !== undefined || !r.response.ok) throw ApiError.fromResponse(r.response, r.error);
  return { data: r.data as Data<R>, response: r.response };
}

/**
 * unwrap turns an openapi-fetch result into its data, or throws ApiError:
 *   const user = await unwrap(api.GET('/api/v1/me'));
 */
export async function unwrap<R extends Result>(call: Promise<R>): Promise<Data<R>> {
  return (await settle(call)).data;
}

/** unwrapWithEtag is unwrap plus the answer's ETag (for a later If-Match). */
export async function unwrapWithEtag<R extends Result>(call: Promise<R>): Promise<{ data: Data<R>; etag: string | null }> {
  const { data, response } = await settle(call);
  return { data, etag: etagOf(response) };
}
