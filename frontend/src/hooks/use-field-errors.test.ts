import { renderHook } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api';
import { I18nProvider } from '@/lib/i18n';
import { fieldErrors, useFieldErrors } from './use-field-errors';

const invalid = (errors: Record<string, string>) => new ApiError({ status: 422, code: 'validation_failed', errors });

describe('fieldErrors', () => {
  it('puts each message beside its field and no banner when all are placed', () => {
    const f = fieldErrors(invalid({ name: 'is required' }), ['name', 'locale']);
    expect(f.errorFor('name')).toBe('This field is required.');
    expect(f.errorFor('locale')).toBeUndefined();
    expect(f.banner).toBeNull();
    expect(f.conflict).toBe(false);
  });

  it('sends messages for fields the form does not show to the banner', () => {
    const f = fieldErrors(invalid({ name: 'is required', branch_id: 'no such branch' }), ['name']);
    expect(f.unplaced).toEqual([['branch_id', 'No such branch.']]);
    expect(f.banner?.code).toBe('validation_failed');
  });

  it('flags a 412 as a conflict, not a banner', () => {
    const f = fieldErrors(new ApiError({ status: 412, code: 'version_mismatch' }), ['name']);
    expect(f.conflict).toBe(true);
    expect(f.banner).toBeNull();
  });

  it('is empty without an error', () => {
    const f = fieldErrors(null, ['name']);
    expect(f.banner).toBeNull();
    expect(f.errorFor('name')).toBeUndefined();
  });
});

describe('useFieldErrors', () => {
  it('translates known server messages into the current locale', () => {
    const wrapper = ({ children }: { children: ReactNode }) => createElement(I18nProvider, { initial: 'fr', children });
    const { result } = renderHook(() => useFieldErrors(invalid({ current_password: 'is not your current password' }), ['current_password']), { wrapper });
    expect(result.current.errorFor('current_password')).toBe('Ce n’est pas votre mot de passe actuel.');
  });
});
