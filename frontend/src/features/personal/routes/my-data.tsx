import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button, DateText, DateTimeText, FormError, Loading, PageHeader, StatusBadge } from '@/components';
import { paths } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import { formatDateTime, formatPercent, useI18n } from '@/lib/i18n';
import { useMyData } from '../api/get-my-data';
import '../personal.css';

type Export = Schemas['PersonalExport'];

/** downloadJSON saves the record as the file the server names (my-data-<day>.json). */
function downloadJSON(data: Export) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `my-data-${data.generated_at.slice(0, 10)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * MyDataPage is "My data": everything the tracker holds about the signed-in
 * person, as GET /me/export answers it, to read, download as JSON or print.
 */
export function MyDataPage() {
  const { t, locale } = useI18n();
  const data = useMyData();
  if (data.isPending) return <><PageHeader title={t('personal.my.title')} /><Loading /></>;
  if (data.error) return <><PageHeader title={t('personal.my.title')} /><FormError error={data.error} /></>;
  const x = data.data;
  return (
    <article className="mydata">
      <PageHeader
        title={t('personal.my.title')}
        subtitle={<>{t('personal.my.subtitle')}<br />{t('personal.my.generated', { date: formatDateTime(x.generated_at, locale, 'long') })}</>}
        actions={<>
          <Link className="btn" to={paths.account.path}>{t('personal.my.back')}</Link>
          <Button onClick={() => downloadJSON(x)}>{t('personal.my.download')}</Button>
          <Button variant="primary" onClick={() => window.print()}>{t('personal.my.print')}</Button>
        </>} />
      {x.truncated && <p className="mydata__warning" role="status">{t('personal.my.truncated')}</p>}
      <Section id="mydata-account" title={t('personal.my.account')}>
        <dl className="facts">
          <div><dt>{t('personal.my.name')}</dt><dd>{x.account.name}</dd></div>
          <div><dt>{t('personal.my.email')}</dt><dd>{x.account.email}</dd></div>
          <div><dt>{t('personal.my.role')}</dt><dd>{t(`role.${x.account.role}`)}</dd></div>
          <div><dt>{t('personal.my.language')}</dt><dd>{t(`language.${x.account.locale}`)}</dd></div>
          <div><dt>{t('personal.my.since')}</dt><dd><DateTimeText value={x.account.created_at} /></dd></div>
        </dl>
      </Section>
      <Section id="mydata-placements" title={t('personal.my.placements')} count={x.placements.length}>
        {x.placements.map(({ placement: p, milestones }) => (
          <div key={p.id} className="mydata__item">
            <p className="mydata__head">
              <DateText value={p.start_date} style="long" /> – <DateText value={p.end_date} style="long" />
              {' · '}{t(`placementState.${p.state}`)}
              {' · '}{t('personal.my.supervisor', { name: p.supervisor_name })}
            </p>
            {p.focus && <p className="mydata__text">{p.focus}</p>}
            <ul className="mydata__list">
              {milestones.map((m) => (
                <li key={m.id}>
                  {t(`milestoneKind.${m.kind as 'onboarding'}`)} · <DateText value={m.due_date} />
                  {' · '}{m.done_at ? t('personal.my.milestoneDone') : t('personal.my.milestoneOpen')}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </Section>
      <Section id="mydata-tasks" title={t('personal.my.tasks')} count={x.tasks.length}>
        {x.tasks.map(({ task, progress_logs, comments }) => (
          <div key={task.id} className="mydata__item">
            <p className="mydata__head">
              <Link to={paths.task.to(task.id)}>{task.title}</Link> <StatusBadge status={task.status} />
              {' '}{t('personal.my.done', { share: formatPercent(task.progress, locale) })}
              {task.due_date && <> · {t('personal.my.due')} <DateText value={task.due_date} /></>}
            </p>
            <Entries logs={progress_logs} comments={comments} />
          </div>
        ))}
      </Section>
      <Section id="mydata-logs" title={t('personal.my.ownLogs')} count={x.progress_logs.length}>
        <Entries logs={x.progress_logs} comments={[]} />
      </Section>
      <Section id="mydata-comments" title={t('personal.my.ownComments')} count={x.comments.length}>
        <Entries logs={[]} comments={x.comments} />
      </Section>
      <Section id="mydata-objectives" title={t('personal.my.objectives')} count={x.objectives.length}>
        <ul className="mydata__list">
          {x.objectives.map((o) => (
            <li key={o.id}>
              <strong>{o.title}</strong>
              {' · '}{t('personal.my.done', { share: formatPercent(o.progress_pct, locale) })}
              {o.description && <p className="mydata__text">{o.description}</p>}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="mydata-evaluations" title={t('personal.my.evaluations')} count={x.evaluations.length}>
        {x.evaluations.map((ev) => (
          <div key={ev.id} className="mydata__item">
            <p className="mydata__head">
              {t(`evaluations.kind.${ev.kind}`)} · {t(`evaluations.state.${ev.state}`)}
              {' · '}{t('personal.my.due')} <DateText value={ev.due_date} />
            </p>
            {ev.self && <Assessment title={t('personal.my.selfSide')} side={ev.self} />}
            {ev.supervisor
              ? <Assessment title={t('personal.my.supervisorSide')} side={ev.supervisor} />
              : <p className="mydata__meta">{t('personal.my.supervisorHidden')}</p>}
          </div>
        ))}
      </Section>
      <Section id="mydata-reports" title={t('personal.my.reports')} count={x.weekly_reports.length}>
        {x.weekly_reports.map((r) => (
          <div key={r.id} className="mydata__item">
            <p className="mydata__head">
              {t('personal.my.weekOf')} <DateText value={r.week} style="long" /> · {t(`reports.state.${r.state}`)}
            </p>
            <dl className="facts">
              {r.done && <div><dt>{t('personal.my.reportDone')}</dt><dd className="mydata__text">{r.done}</dd></div>}
              {r.next && <div><dt>{t('personal.my.reportNext')}</dt><dd className="mydata__text">{r.next}</dd></div>}
              {r.blockers && <div><dt>{t('personal.my.reportBlockers')}</dt><dd className="mydata__text">{r.blockers}</dd></div>}
              {r.review_comment && <div><dt>{t('personal.my.reviewComment')}</dt><dd className="mydata__text">{r.review_comment}</dd></div>}
            </dl>
          </div>
        ))}
      </Section>
      <Section id="mydata-checklist" title={t('personal.my.checklist')} count={x.checklist_items.length}>
        <ul className="mydata__list">
          {x.checklist_items.map((it) => (
            <li key={it.id}>
              {it.title} · {t(`checklists.phase.${it.phase}`)} · {t('personal.my.due')} <DateText value={it.due_date} />
              {' · '}{it.done_at ? t('personal.my.milestoneDone') : t('personal.my.milestoneOpen')}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="mydata-notifications" title={t('personal.my.notifications')} count={x.notifications.length}>
        <ul className="mydata__list">
          {x.notifications.map((n) => (
            <li key={n.id}>
              <DateTimeText value={n.created_at} />
              {' · '}{t(`notifications.kind.${n.kind}`, { actor: n.actor_name ?? t('board.activity.system'), subject: n.subject })}
              {' · '}{n.read_at ? t('personal.my.read') : t('personal.my.unread')}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="mydata-handovers" title={t('personal.my.handovers')} count={x.handovers.length}>
        <ul className="mydata__list">
          {x.handovers.map((h) => (
            <li key={h.id}>
              <DateTimeText value={h.created_at} />
              {' · '}{t('personal.my.handoverOf', { name: h.intern_name })}
              {' · '}{h.successor_name ? t('personal.my.handoverTo', { name: h.successor_name }) : t('personal.my.handoverBack')}
              {' · '}{t('personal.my.handedTasks', { count: h.tasks.length })}
              {h.note && <p className="mydata__text">{h.note}</p>}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="mydata-activity" title={t('personal.my.activity')} count={x.activity.length}>
        <ul className="mydata__list">
          {x.activity.map((a) => (
            <li key={a.id}>
              <DateTimeText value={a.created_at} /> · {a.actor_name ?? t('board.activity.system')}
              {' · '}{t(`personal.my.action.${a.action}`)} {t(`board.entity.${a.entity_type}`)} #{a.entity_id}
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}

function Section({ id, title, count, children }: { id: string; title: string; count?: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="card mydata__section" aria-labelledby={id}>
      <div className="card__header"><h2 id={id} className="card__title">{title}</h2></div>
      <div className="card__body">{count === 0 ? <p className="mydata__none">{t('personal.my.none')}</p> : children}</div>
    </section>
  );
}

/** Entries lists progress logs and comments, each with its author and time. */
function Entries({ logs, comments }: { logs: readonly Schemas['ProgressLog'][]; comments: readonly Schemas['Comment'][] }) {
  const { t, locale } = useI18n();
  if (logs.length === 0 && comments.length === 0) return null;
  return (
    <ol className="mydata__entries">
      {logs.map((l) => (
        <li key={`l${l.id}`}>
          <p className="mydata__meta"><DateTimeText value={l.created_at} /> · {t('personal.my.logMeta', { author: l.author_name, share: formatPercent(l.progress, locale) })}</p>
          {l.note && <p className="mydata__text">{l.note}</p>}
        </li>
      ))}
      {comments.map((c) => (
        <li key={`c${c.id}`}>
          <p className="mydata__meta"><DateTimeText value={c.created_at} /> · {t('personal.my.commentMeta', { author: c.author_name })}</p>
          <p className="mydata__text">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** Assessment shows one side of an evaluation: each competency's score and comment, and the overall comment. */
function Assessment({ title, side }: { title: string; side: Schemas['Assessment'] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="mydata__meta">{title}</p>
      <ul className="mydata__list">
        {side.ratings.map((r) => (
          <li key={r.competency}>
            {t(`evaluations.competency.${r.competency}`)}
            {' · '}{r.score ? t(`evaluations.scale.${String(r.score) as '1'}`) : t('evaluations.notScored')}
            {r.comment && <p className="mydata__text">{r.comment}</p>}
          </li>
        ))}
      </ul>
      {side.comment && <p className="mydata__text">{side.comment}</p>}
    </>
  );
}
