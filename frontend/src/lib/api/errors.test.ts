import { describe, expect, it } from 'vitest';
import { json, problem } from '@/testing/render';
import { unwrap } from './client';
import { ApiError } from './errors';
import { ifMatch } from './etag';

describe('ApiError', () => {
  it('carries the Problem: status, code, detail, field errors and request id', () => {
    const res = new Response(null, { status: 422 });
    const e = ApiError.fromResponse(res, problem(422, 'validation_failed', { name: 'is required' }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.errors).toEqual({ name: 'is required' });
    expect(e.requestId).toBe('req-1');
  });

  it('guesses the code from the status when the body is not a Problem', () => {
    const res = new Response('<html>bad gateway</html>', { status: 412, headers: { 'X-Request-ID': 'abc' } });
    const e = ApiError.fromResponse(res, '<html>bad gateway</html>');
    expect(e.code).toBe('version_mismatch');
    expect(e.errors).toEqual({});
    expect(e.requestId).toBe('abc');
  });

  it('reads Retry-After on 429', () => {
    const res = new Response(null, { status: 429, headers: { 'Retry-After': '120' } });
    expect(ApiError.fromResponse(res, problem(429, 'rate_limited')).retryAfter).toBe(120);
  });

  it('is what unwrap throws, for an error answer and for no answer', async () => {
    const answer = json(409, problem(409, 'conflict', { email: 'is taken' }));
    await expect(unwrap(Promise.resolve({ error: problem(409, 'conflict', { email: 'is taken' }), response: answer }))).rejects.toMatchObject({
      code: 'conflict',
      errors: { email: 'is taken' },
    });
    await expect(unwrap(Promise.reject(new TypeError('Failed to fetch')))).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});

describe('ifMatch', () => {
  it('quotes a version and passes an ETag through', () => {
    expect(ifMatch(3)).toEqual({ 'If-Match': '"3"' });
    expect(ifMatch('W/"4"')).toEqual({ 'If-Match': 'W/"4"' });
  });
});
