import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { Button, FormError, SelectField, TextField } from '@/components';
import { paths } from '@/config/paths';
import { useFieldErrors } from '@/hooks/use-field-errors';
import { isApiError } from '@/lib/api';
import { isLocale, locales, useI18n } from '@/lib/i18n';
import { useLogin } from '../api/login';
import { useSession } from '../api/session';

const fields = ['email', 'password'] as const;

/** safeNext keeps ?next= to a path of this site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : paths.home.path;
}

/** SignInPage is the e-mail and password form. */
export function SignInPage() {
  const { t, locale, setLocale } = useI18n();
  const { status } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const errs = useFieldErrors(login.error, fields);

  if (status === 'signedIn') return <Navigate to={safeNext(params.get('next'))} replace />;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  }

  const badCredentials = isApiError(login.error) && login.error.code === 'unauthenticated';

  return (
    <div className="auth">
      <main className="auth__panel" id="main">
        <div className="auth__brand">
          <img src="/favicon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </div>
        <h1 className="auth__title">{t('auth.signInTitle')}</h1>
        <p className="auth__subtitle">{t('auth.signInSubtitle')}</p>
        <form className="form" onSubmit={onSubmit} noValidate>
          {badCredentials ? (
            <div className="banner banner--error" role="alert">
              <p className="banner__title">{t('auth.badCredentials')}</p>
            </div>
          ) : (
            <FormError error={errs.banner} unplaced={errs.unplaced} />
          )}
          <TextField label={t('auth.email')} type="email" name="email" autoComplete="username" required value={email}
            onChange={(e) => setEmail(e.target.value)} error={errs.errorFor('email')} />
          <TextField label={t('auth.password')} type="password" name="password" autoComplete="current-password" required value={password}
            onChange={(e) => setPassword(e.target.value)} error={errs.errorFor('password')} />
          <Button type="submit" variant="primary" className="btn--block" busy={login.isPending}>
            {login.isPending ? t('auth.submitting') : t('auth.submit')}
          </Button>
        </form>
        <p className="auth__note">{t('auth.forgotten')}</p>
      </main>
      <footer className="auth__footer">
        <SelectField label={t('language.label')} value={locale} className="select--compact"
          onChange={(e) => { if (isLocale(e.target.value)) setLocale(e.target.value); }}
          options={locales.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
      </footer>
    </div>
  );
}
