import { Suspense, useEffect, useId, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser, useLogout } from '@/features/auth';
import { Bell } from '@/features/notifications/components/bell';
import { useI18n } from '@/lib/i18n';
import { navByRole } from '../nav';

/**
 * AppLayout is the signed-in shell: a sidebar with the role's navigation
 * and the account menu; below 768 px a top bar whose menu button opens it.
 * It also keeps the interface language in step with the user's choice.
 */
export function AppLayout() {
  const { t, setLocale } = useI18n();
  const user = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  // The phone menu is open for the page it was opened on: following a link closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const menuOpen = menuOpenAt === location.pathname;
  const navId = useId();

  useEffect(() => {
    setLocale(user.locale);
  }, [user.locale, setLocale]);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpenAt(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  function signOut() {
    logout.mutate(undefined, { onSettled: () => navigate(paths.signIn.path, { replace: true }) });
  }

  const initials = user.name.split(/\s+/).filter((w) => /^\p{L}/u.test(w)).slice(-2).map((w) => w[0]).join('').toUpperCase();

  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <Link to={paths.home.path} className="brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          <span>{t('app.name')}</span>
        </Link>
        <Bell />
        <button type="button" className="menu-btn" aria-expanded={menuOpen} aria-controls={navId} onClick={() => setMenuOpenAt(menuOpen ? null : location.pathname)}>
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            {menuOpen
              ? <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              : <path d="M4 7h16M4 12h16M4 17h16" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
          </svg>
          <span>{t('nav.menu')}</span>
        </button>
      </header>
      <aside id={navId} className={menuOpen ? 'sidebar sidebar--open' : 'sidebar'}>
        <div className="sidebar__top">
          <Link to={paths.home.path} className="brand sidebar__brand">
            <img src="/favicon.svg" alt="" width="24" height="24" />
            <span>{t('app.name')}</span>
          </Link>
          <Bell />
        </div>
        <nav aria-label={t('nav.label')} className="nav">
          <ul>
            {navByRole[user.role].map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav__link">{t(item.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="sidebar__account">
          <div className="who">
            <span className="avatar" aria-hidden="true">{initials}</span>
            <span className="who__text">
              <span className="who__name">{user.name}</span>
              <span className="who__role">{t(`role.${user.role}`)}</span>
            </span>
          </div>
          <ul className="nav">
            <li><NavLink to={paths.account.path} className="nav__link">{t('nav.account')}</NavLink></li>
            <li>
              <button type="button" className="nav__link nav__button" onClick={signOut} disabled={logout.isPending}>
                {t('nav.signOut')}
              </button>
            </li>
          </ul>
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        <div className="main__inner">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
    </div>
  );
}
