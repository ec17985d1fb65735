export { I18nProvider, useI18n, useT } from './i18n';
export { browserLocale, isLocale, locales, serverMessage, translate, type Locale, type MessageKey, type Vars } from './messages';
export * from './format';
