import { describe, expect, it } from 'vitest';
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format';
import { serverMessage, translate } from './messages';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`))).sort();
}

describe('locale files', () => {
  it('have the same keys in English and French', () => {
    expect(keys(fr)).toEqual(keys(en));
  });

  it('have no empty strings', () => {
    for (const [name, cat] of [['en', en], ['fr', fr]] as const) {
      const empty = keys(cat).filter((k) => translate(name, k as never) === '');
      expect(empty).toEqual([]);
    }
  });
});

describe('translate', () => {
  it('fills placeholders, numbers formatted for the locale', () => {
    expect(translate('en', 'pagination.range', { from: 1, to: 50, total: 1234 })).toBe('1–50 of 1,234');
    expect(translate('fr', 'pagination.range', { from: 1, to: 50, total: 1234 })).toBe('1–50 sur 1\u202f234');
  });

  it('turns an unknown server message into a sentence', () => {
    expect(serverMessage('en', 'must be one of a, b')).toBe('Must be one of a, b.');
    expect(serverMessage('fr', 'is required')).toBe('Ce champ est obligatoire.');
  });

  it('translates a message that names days, writing them for the locale', () => {
    expect(serverMessage('fr', 'must be a week of the placement, 2026-03-02 to 2026-08-28'))
      .toBe('Choisissez une semaine du stage, du 2 mars 2026 au 28 août 2026.');
    expect(serverMessage('en', 'must be a date within the placement, 2026-03-02 to 2026-08-28'))
      .toBe('Choose a day within the placement, March 2, 2026 to August 28, 2026.');
    expect(serverMessage('fr', 'must be a week of the placement')).toBe('Must be a week of the placement.');
  });
});

describe('formatting', () => {
  it('formats a calendar day without shifting it by the time zone', () => {
    expect(formatDate('2026-03-01', 'en', 'medium')).toBe('Mar 1, 2026');
    expect(formatDate('2026-03-01', 'fr', 'long')).toBe('1 mars 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('formats numbers and percentages per locale', () => {
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
    expect(formatPercent(40, 'en')).toBe('40%');
    expect(formatPercent(40, 'fr')).toBe('40\u00a0%');
  });

  it('formats timestamps with a time', () => {
    expect(formatDateTime('2026-03-01T10:00:00Z', 'fr')).toMatch(/2026/);
  });
});
