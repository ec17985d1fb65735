import { Button, SelectField, TextField } from '@/components';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';

type Props = {
  branch: string;
  stream: string;
  /** The board's day, "YYYY-MM-DD", or '' for today. */
  asOf: string;
  /** Today, the latest day the board can be asked for. */
  today: string;
  branches: readonly Schemas['Branch'][];
  streams: readonly Schemas['Stream'][];
  onChange: (patch: { branch?: string; stream?: string; as_of?: string }) => void;
};

/** BoardFilters narrows the board by branch and stream and sets the day it describes; the page keeps them in the URL so a view can be shared. */
export function BoardFilters({ branch, stream, asOf, today, branches, streams, onChange }: Props) {
  const t = useT();
  return (
    <div role="search" className="board-filters" aria-label={t('board.filters.label')}>
      <SelectField label={t('board.filters.branch')} name="branch" value={branch} onChange={(e) => onChange({ branch: e.target.value })}
        options={[{ value: '', label: t('board.filters.allBranches') }, ...branches.map((b) => ({ value: String(b.id), label: `${b.code} – ${b.name}` }))]} />
      <SelectField label={t('board.filters.stream')} name="stream" value={stream}
        onChange={(e) => onChange({ stream: e.target.value })}
        options={[{ value: '', label: t('board.filters.allStreams') }, ...streams.map((s) => ({ value: String(s.id), label: s.name }))]} />
      <TextField label={t('board.filters.asOf')} name="as_of" type="date" value={asOf || today} max={today}
        error={asOf > today ? t('board.filters.asOfFuture') : undefined}
        onChange={(e) => onChange({ as_of: e.target.value && e.target.value !== today ? e.target.value : '' })} />
      {(branch || stream || asOf) && (
        <Button variant="ghost" className="board-filters__clear" onClick={() => onChange({ branch: '', stream: '', as_of: '' })}>{t('board.filters.clear')}</Button>
      )}
    </div>
  );
}
