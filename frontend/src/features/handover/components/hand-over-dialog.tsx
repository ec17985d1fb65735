import { useState } from 'react';
import { Button, Dialog, FormError, SelectField, TextAreaField } from '@/components';
import { usePlacements } from '@/features/placements/api/get-placements';
import type { Schemas } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { useHandOver } from '../api/hand-over';

/** windowDays is how long before its end a placement may be handed over (the server's rule too). */
export const windowDays = 14;

/** canHandOverNow says whether today falls in the placement's last two weeks or after its end. */
export function canHandOverNow(p: Schemas['Placement'], today = new Date()): boolean {
  const from = new Date(`${p.end_date}T00:00:00Z`);
  from.setUTCDate(from.getUTCDate() - windowDays);
  return today.getTime() >= from.getTime();
}

/**
 * HandOverAction is the supervisor's "Hand over" button with its dialog:
 * pick the successor (an intern with an active or upcoming placement in the
 * branch) or none (the tasks go back unassigned), then confirm.
 */
export function HandOverAction({ placement, openTasks }: { placement: Schemas['Placement']; openTasks: number }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [successor, setSuccessor] = useState('');
  const [note, setNote] = useState('');
  const mutation = useHandOver();
  const candidates = usePlacements({ branch_id: placement.branch_id, per_page: 100 }, { enabled: open });
  const options = [
    { value: '', label: t('handoverAction.toSupervisor') },
    ...(candidates.data?.items ?? [])
      .filter((c) => c.state !== 'ended' && c.handed_over_at === null && c.intern_id !== placement.intern_id)
      .map((c) => ({ value: String(c.intern_id), label: c.intern_name })),
  ];
  const name = options.find((o) => o.value === successor)?.label ?? '';

  function submit() {
    mutation.mutate(
      { id: placement.id, body: { successor_id: successor ? Number(successor) : null, note } },
      { onSuccess: () => setOpen(false) },
    );
  }

  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>{t('handoverAction.button')}</Button>
      <Dialog open={open} title={t('handoverAction.dialogTitle', { name: placement.intern_name })} onClose={() => setOpen(false)}
        footer={<>
          <Button onClick={() => setOpen(false)}>{t('handoverAction.cancel')}</Button>
          <Button variant="primary" onClick={submit} disabled={mutation.isPending}>{t('handoverAction.confirm')}</Button>
        </>}>
        <div className="stack">
          <SelectField label={t('handoverAction.successor')} options={options} value={successor}
            onChange={(e) => setSuccessor(e.target.value)} hint={t('handoverAction.successorHint')} />
          <TextAreaField label={t('handoverAction.note')} value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
          <p className="handover__confirm">
            {successor
              ? t('handoverAction.summaryTo', { count: String(openTasks), name })
              : t('handoverAction.summaryBack', { count: String(openTasks) })}
            {' '}{t('handoverAction.readOnlyWarning')}
          </p>
          {mutation.error && <FormError error={mutation.error} />}
        </div>
      </Dialog>
    </>
  );
}

/** HandedOverBanner says a placement was handed over and is read-only. */
export function HandedOverBanner({ placement, record }: { placement: Schemas['Placement']; record?: Schemas['HandoverRecord'] | null }) {
  const { t } = useI18n();
  if (!placement.handed_over_at) return null;
  const to = record ? (record.successor_name ?? t('handoverAction.theSupervisor')) : null;
  return (
    <div className="handover__banner" role="status">
      <strong>{t('handoverAction.readOnlyTitle')}</strong>{' '}
      {to ? t('handoverAction.readOnlyBodyTo', { name: to }) : t('handoverAction.readOnlyBody')}
      {record?.note && <p className="handover__bannernote">{record.note}</p>}
    </div>
  );
}
