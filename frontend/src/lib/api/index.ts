export { api, session, unwrap, unwrapWithEtag } from './client';
export { ApiError, isApiError, type Problem } from './errors';
export { etagOf, ifMatch } from './etag';
export type { SessionState, SessionStatus, TokenResponse, User } from './session';
export type { components, paths } from './schema';

import type { components } from './schema';

/** Schemas is shorthand: Schemas['Task'], Schemas['Placement']. */
export type Schemas = components['schemas'];
