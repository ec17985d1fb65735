import { Link } from 'react-router';
import { Card, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { useT } from '@/lib/i18n';
import { PasswordForm } from '../components/password-form';
import { ProfileForm } from '../components/profile-form';

/** AccountPage is "My account": profile (name, language) and password. */
export function AccountPage() {
  const t = useT();
  const user = useCurrentUser();
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <div className="stack">
        <dl className="facts">
          <div><dt>{t('account.role')}</dt><dd>{t(`role.${user.role}`)}</dd></div>
          <div><dt>{t('account.email')}</dt><dd>{user.email} <span className="facts__hint">{t('account.emailHint')}</span></dd></div>
        </dl>
        <Card title={t('personal.my.link')} description={t('personal.my.linkHint')}>
          <Link className="btn" to={paths.myData.path}>{t('personal.my.link')}</Link>
        </Card>
        <ProfileForm user={user} />
        <PasswordForm email={user.email} />
      </div>
    </>
  );
}
