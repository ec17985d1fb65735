import { Button, SelectField } from '@/components';
import type { Schemas } from '@/lib/api';
import { useT } from '@/lib/i18n';

type Props = {
  branch: string;
  stream: string;
  branches: readonly Schemas['Branch'][];
  streams: readonly Schemas['Stream'][];
  onChange: (patch: { branch?: string; stream?: string }) => void;
};

/** BoardFilters narrows the board by branch and stream; the page keeps both in the URL so a view can be shared. */
export function BoardFilters({ branch, stream, branches, streams, onChange }: Props) {
  const t = useT();
  return (
    <div role="search" className="board-filters" aria-label={t('board.filters.label')}>
      <SelectField label={t('board.filters.branch')} name="branch" value={branch} onChange={(e) => onChange({ branch: e.target.value })}
        options={[{ value: '', label: t('board.filters.allBranches') }, ...branches.map((b) => ({ value: String(b.id), label: `${b.code} – ${b.name}` }))]} />
      <SelectField label={t('board.filters.stream')} name="stream" value={stream}
        onChange={(e) => onChange({ stream: e.target.value })}
        options={[{ value: '', label: t('board.filters.allStreams') }, ...streams.map((s) => ({ value: String(s.id), label: s.name }))]} />
      {(branch || stream) && (
        <Button variant="ghost" className="board-filters__clear" onClick={() => onChange({ branch: '', stream: '' })}>{t('board.filters.clear')}</Button>
      )}
    </div>
  );
}
