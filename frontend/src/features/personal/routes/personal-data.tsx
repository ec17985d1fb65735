import { useState } from 'react';
import { Button, Card, DateText, Dialog, EmptyState, FormError, Loading, PageHeader } from '@/components';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useAnonymise, useCandidates } from '../api/anonymise';
import '../personal.css';

type Candidate = Schemas['AnonymiseCandidate'];
/** Target is whom the confirm dialog is about: one person, or every candidate. */
type Target = { one: Candidate } | { all: number };

/**
 * PersonalDataPage is the admin's "Personal data": the former interns
 * whose last placement ended long enough ago, with the action that
 * anonymises them (one, or all at once) after a confirmation.
 */
export function PersonalDataPage() {
  const t = useT();
  const candidates = useCandidates();
  const [target, setTarget] = useState<Target | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const items = candidates.data?.items ?? [];

  return (
    <>
      <PageHeader title={t('personal.admin.title')} subtitle={t('personal.admin.subtitle')}
        actions={items.length > 1 && (
          <Button variant="danger" onClick={() => { setDone(null); setTarget({ all: items.length }); }}>
            {t('personal.admin.anonymiseAll', { count: items.length })}
          </Button>
        )} />
      {done !== null && <p className="personal__notice" role="status">{t('personal.admin.done', { count: done })}</p>}
      {candidates.isPending ? <Loading /> : candidates.isError ? <FormError error={candidates.error} /> : (
        <Card>
          <p className="personal__intro">
            {t('personal.admin.rule', { count: candidates.data.after_months })} <DateText value={candidates.data.ended_before} style="long" />.
          </p>
          {items.length === 0 ? <EmptyState title={t('personal.admin.empty')} /> : (
            <div className="table-wrap">
              <table className="table personal__table">
                <caption className="visually-hidden">{t('personal.admin.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('personal.admin.col.name')}</th>
                    <th scope="col">{t('personal.admin.col.email')}</th>
                    <th scope="col">{t('personal.admin.col.lastEnd')}</th>
                    <th scope="col">{t('personal.admin.col.placements')}</th>
                    <th scope="col"><span className="visually-hidden">{t('personal.admin.col.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.user_id}>
                      <th scope="row">{c.name}</th>
                      <td data-label={t('personal.admin.col.email')}>{c.email}</td>
                      <td data-label={t('personal.admin.col.lastEnd')}><DateText value={c.last_end_date} /></td>
                      <td data-label={t('personal.admin.col.placements')}>{c.placements}</td>
                      <td>
                        <Button size="sm" variant="danger" aria-label={t('personal.admin.anonymiseLabel', { name: c.name })}
                          onClick={() => { setDone(null); setTarget({ one: c }); }}>
                          {t('personal.admin.anonymise')}
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      )}
      <ConfirmDialog target={target} onClose={() => setTarget(null)} onDone={(n) => { setTarget(null); setDone(n); }} />
    </>
  );
}

function ConfirmDialog({ target, onClose, onDone }: { target: Target | null; onClose: () => void; onDone: (count: number) => void }) {
  const t = useT();
  const mutation = useAnonymise();
  const count = target === null ? 0 : 'one' in target ? 1 : target.all;
  function confirm() {
    if (!target) return;
    const body = 'one' in target ? { user_id: target.one.user_id } : { all: true as const };
    mutation.mutate(body, { onSuccess: (r) => { mutation.reset(); onDone(r.count); } });
  }
  function close() {
    mutation.reset();
    onClose();
  }
  return (
    <Dialog open={target !== null} title={t('personal.admin.confirmTitle', { count })} onClose={close}
      footer={<>
        <Button onClick={close}>{t('common.cancel')}</Button>
        <Button variant="danger" busy={mutation.isPending} onClick={confirm}>{t('personal.admin.confirm', { count })}</Button>
      </>}>
      <p>
        {target && 'one' in target ? t('personal.admin.confirmOne', { name: target.one.name }) : t('personal.admin.confirmAll', { count })}
      </p>
      <p>{t('personal.admin.confirmWhat')}</p>
      {mutation.error && <FormError error={mutation.error} />}
    </Dialog>
  );
}
