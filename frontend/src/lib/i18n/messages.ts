// Typed access to src/locales/*.json. en.json is the reference: its keys
// are the only valid keys (a typo is a compile error), and a unit test
// checks that fr.json has exactly the same ones.
import en from '@/locales/en.json';
import fr from '@/locales/fr.json';
import { formatDate } from './format';

/** Locale is an interface language; the same enum as the API's. */
export type Locale = 'en' | 'fr';

export const locales: readonly Locale[] = ['en', 'fr'];

type Messages = typeof en;
type Plural = { one: string; other: string };

type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends Plural
      ? `${P}${K}`
      : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];

/** MessageKey is a dotted path into en.json, e.g. "account.title". */
export type MessageKey = Paths<Messages>;

/** Vars fill {name} placeholders; `count` also picks the plural form. */
export type Vars = Record<string, string | number>;

type Tree = { [k: string]: string | Tree };

export const catalogs: Record<Locale, Tree> = { en: en as Tree, fr: fr as Tree };

function lookup(tree: Tree, key: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** translate resolves key in locale (falling back to English), then fills vars. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  let node = lookup(catalogs[locale], key) ?? lookup(catalogs.en, key);
  if (node !== undefined && typeof node !== 'string') {
    const count = typeof vars?.count === 'number' ? vars.count : 0;
    const form = new Intl.PluralRules(locale).select(count);
    node = node[form] ?? node.other;
  }
  if (typeof node !== 'string') return key;
  if (!vars) return node;
  return node.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'number' ? new Intl.NumberFormat(locale).format(v) : v;
  });
}

/** isLocale tells whether s is a supported locale. */
export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'fr';
}

/** browserLocale is the best guess before the user is known. */
export function browserLocale(): Locale {
  const langs = typeof navigator === 'undefined' ? [] : navigator.languages ?? [navigator.language];
  for (const l of langs) {
    const base = l.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * serverMessage translates a field message from the API ("is required"),
 * which is English, through the "serverMessages" section of the locale
 * files; an unknown one is shown as a sentence in English. A key with
 * {placeholders} ("must be a week of the placement, {from} to {to}")
 * matches a message with any text there, and a day it holds is written
 * for the locale.
 */
export function serverMessage(locale: Locale, message: string): string {
  const section = catalogs[locale].serverMessages;
  const known = typeof section === 'object' ? section[message] ?? withPlaceholders(section, message, locale) : undefined;
  if (typeof known === 'string') return known;
  const s = message.trim();
  if (s === '') return s;
  return s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');
}

// withPlaceholders finds the key with {placeholders} that message fits and
// fills its translation with what stood in their place.
function withPlaceholders(section: Tree, message: string, locale: Locale): string | undefined {
  for (const [key, text] of Object.entries(section)) {
    if (typeof text !== 'string' || !key.includes('{')) continue;
    const names: string[] = [];
    const pattern = key.split(/\{(\w+)\}/).map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.+?)';
    }).join('');
    const m = new RegExp(`^${pattern}$`).exec(message);
    if (!m) continue;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = m[names.indexOf(name) + 1];
      if (v === undefined) return whole;
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDate(v, locale, 'long') : v;
    });
  }
  return undefined;
}
