import { Link } from 'react-router';
import { Card, EmptyState, FormError, Loading, PageHeader } from '@/components';
import { paths } from '@/config/paths';
import { useCurrentUser } from '@/features/auth';
import { ObjectivesCard } from '@/features/objectives';
import { ReceivedHandovers } from '@/features/handover/components/received-handovers';
import { WeeklyReportCard } from '@/features/reports';
import { PlacementChecklist } from '@/features/checklists';
import { GroupedTasks, useTasks } from '@/features/tasks';
import { useT } from '@/lib/i18n';
import { MyEvaluations } from '@/features/evaluations/components/my-evaluations';
import { usePlacements } from '../api/get-placements';
import { useMilestones } from '../api/my-placement-milestones';
import { pickCurrentPlacement } from '../components/my-placement-pick';
import { MilestoneList, PaceCard, PlacementHero } from '../components/my-placement-summary';
import '../my-placement.css';

/**
 * MyPlacementPage is the intern's home (paths.myPlacement): the current
 * placement (month N of 6, progress against time, health, supervisor,
 * focus), its milestones, and the intern's tasks grouped by status.
 */
export function MyPlacementPage() {
  const t = useT();
  const user = useCurrentUser();
  const placements = usePlacements({ intern_id: user.id, per_page: 100 });
  const placement = placements.data ? pickCurrentPlacement(placements.data.items) : undefined;
  const milestones = useMilestones(placement?.id);
  const tasks = useTasks({ assignee_id: user.id, per_page: 100, sort: 'due_date' });

  return (
    <>
      <PageHeader title={t('myPlacement.title')} subtitle={t('myPlacement.subtitle')}
        actions={placement && <Link className="btn" to={paths.placementTimeline.to(placement.id)}>{t('timeline.title')}</Link>} />
      <div className="stack">
        {placements.isPending && <Loading />}
        {placements.error && <FormError error={placements.error} />}
        {placements.data && !placement && (
          <Card>
            <EmptyState title={t('myPlacement.noPlacementTitle')}>{t('myPlacement.noPlacementBody')}</EmptyState>
          </Card>
        )}
        <ReceivedHandovers />
        {placement && (
          <>
            <PlacementHero placement={placement} />
            <div className="placement-grid">
              <PaceCard placement={placement} />
              <Card title={t('myPlacement.milestonesTitle')} description={t('myPlacement.milestonesDescription')}>
                {milestones.isPending && <Loading />}
                {milestones.error && <FormError error={milestones.error} />}
                {milestones.data && <MilestoneList milestones={milestones.data.items} />}
              </Card>
            </div>
            <ObjectivesCard placementId={placement.id} canEdit={false} />
            <MyEvaluations placementId={placement.id} />
            <WeeklyReportCard placement={placement} />
            <PlacementChecklist placementId={placement.id} canTick />
          </>
        )}
        <Card title={t('myPlacement.tasksTitle')} description={t('myPlacement.tasksDescription')}
          footer={tasks.data && tasks.data.total > 0 ? <Link to={paths.myTasks.path}>{t('myPlacement.allTasks')} →</Link> : undefined}>
          {tasks.isPending && <Loading />}
          {tasks.error && <FormError error={tasks.error} />}
          {tasks.data && <GroupedTasks tasks={tasks.data.items} />}
        </Card>
      </div>
    </>
  );
}
