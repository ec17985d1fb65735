import { useState } from 'react';
import { Button, Card, Dialog, EmptyState, FormError, Loading, PageHeader, SelectField } from '@/components';
import { useBranches } from '@/features/timeline/api/get-branches';
import { useI18n, type MessageKey } from '@/lib/i18n';
import { useTemplate, type TemplateItem } from '../api/get-template';
import { useDeleteTemplateItem } from '../api/save-template-item';
import { TemplateItemDialog } from '../components/template-item-form';
import '../checklists.css';

/** whenKey says when an item falls, relative to its anchor. */
export function whenOf(item: Pick<TemplateItem, 'anchor' | 'offset_days'>): { key: MessageKey; count: number } {
  const n = item.offset_days;
  if (n === 0) return { key: item.anchor === 'start' ? 'checklists.when.onStart' : 'checklists.when.onEnd', count: 0 };
  if (item.anchor === 'start') return { key: n > 0 ? 'checklists.when.afterStart' : 'checklists.when.beforeStart', count: Math.abs(n) };
  return { key: n > 0 ? 'checklists.when.afterEnd' : 'checklists.when.beforeEnd', count: Math.abs(n) };
}

/** ChecklistsPage lets an admin keep each branch's onboarding and offboarding checklist template. */
export function ChecklistsPage() {
  const { t } = useI18n();
  const branches = useBranches();
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const branchId = picked ?? branches.data?.items[0]?.id;
  const template = useTemplate(branchId);
  const [editing, setEditing] = useState<{ item?: TemplateItem } | null>(null);
  const [deleting, setDeleting] = useState<TemplateItem | null>(null);
  const del = useDeleteTemplateItem();
  const [notice, setNotice] = useState<MessageKey | null>(null);

  return (
    <>
      <PageHeader title={t('checklists.title')} subtitle={t('checklists.subtitle')}
        actions={branchId !== undefined && <Button variant="primary" onClick={() => { setNotice(null); setEditing({}); }}>{t('checklists.new')}</Button>} />
      <div className="stack">
        {branches.isPending && <Loading />}
        {branches.error && <FormError error={branches.error} />}
        {branches.data && (
          <div className="checklists-branch">
            <SelectField label={t('checklists.branch')} name="branch" value={String(branchId ?? '')}
              onChange={(e) => { setNotice(null); setPicked(Number(e.target.value)); }}
              options={branches.data.items.map((b) => ({ value: String(b.id), label: `${b.code} — ${b.name}` }))} />
          </div>
        )}
        {notice && <p className="checklists-notice" role="status">{t(notice)}</p>}
        <Card title={t('checklists.templateTitle')} description={t('checklists.templateDescription')}>
          {template.isPending && branchId !== undefined && <Loading />}
          {template.error && <FormError error={template.error} />}
          {template.data && template.data.items.length === 0 && <EmptyState title={t('checklists.emptyTemplate')} />}
          {template.data && template.data.items.length > 0 && (
            <ul className="checklists-template">
              {template.data.items.map((item) => {
                const w = whenOf(item);
                return (
                  <li key={item.id} className="checklists-template__item">
                    <div className="checklists-template__text">
                      <span className="checklists-template__title">{item.title}</span>
                      <span className="checklists-template__meta">
                        <span className={`badge checklists-phase checklists-phase--${item.phase}`}>{t(`checklists.phase.${item.phase}`)}</span>
                        {t(w.key, { count: w.count })}
                      </span>
                    </div>
                    <div className="checklists-template__actions">
                      <Button size="sm" variant="ghost" aria-label={t('checklists.editOne', { title: item.title })}
                        onClick={() => { setNotice(null); setEditing({ item }); }}>{t('checklists.edit')}</Button>
                      <Button size="sm" variant="ghost" aria-label={t('checklists.deleteOne', { title: item.title })}
                        onClick={() => { setNotice(null); del.reset(); setDeleting(item); }}>{t('checklists.delete')}</Button>
                    </div>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
      {branchId !== undefined && (
        <TemplateItemDialog open={editing !== null} branchId={branchId} item={editing?.item} onClose={() => setEditing(null)}
          onDone={() => { setNotice(editing?.item ? 'checklists.saved' : 'checklists.created'); setEditing(null); }} />
      )}
      <Dialog open={deleting !== null} title={t('checklists.deleteTitle')} onClose={() => setDeleting(null)}
        footer={
          <>
            <Button onClick={() => setDeleting(null)}>{t('common.cancel')}</Button>
            <Button variant="danger" busy={del.isPending} onClick={() => {
              if (!deleting || branchId === undefined) return;
              del.mutate({ branchId, id: deleting.id }, { onSuccess: () => { setDeleting(null); setNotice('checklists.deleted'); } });
            }}>{t('checklists.delete')}</Button>
          </>
        }>
        {deleting && <p>{t('checklists.deleteBody', { title: deleting.title })}</p>}
        {del.error && <FormError error={del.error} />}
      </Dialog>
    </>
  );
}
