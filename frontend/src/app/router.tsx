// The route table: each path of src/config/paths.ts mapped to its page.
// Role pages load lazily (one chunk per feature) and are guarded by the
// roles whose navigation lists them (src/app/nav.ts).
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { paths, type PathName } from '@/config/paths';
import { RequireAuth, RequireRole } from '@/features/auth';
import { SignInPage } from '@/features/auth/routes/sign-in';
import { Loading } from '@/components';
import { AppLayout } from './layout/app-layout';
import { rolesFor } from './nav';
import { HomeRedirect } from './routes/home';
import { NotFoundPage } from './routes/not-found';

type Loader = () => Promise<ComponentType>;

/** pages maps each role page to its lazily loaded component. */
const pages: Partial<Record<PathName, Loader>> = {
  myPlacement: () => import('@/features/placements/routes/my-placement').then((m) => m.MyPlacementPage),
  myTasks: () => import('@/features/tasks/routes/my-tasks').then((m) => m.MyTasksPage),
  myInterns: () => import('@/features/interns/routes/my-interns').then((m) => m.MyInternsPage),
  reviewQueue: () => import('@/features/review/routes/review-queue').then((m) => m.ReviewQueuePage),
  reportQueue: () => import('@/features/reports/routes/report-queue').then((m) => m.ReportQueuePage),
  projects: () => import('@/features/projects/routes/projects').then((m) => m.ProjectsPage),
  placements: () => import('@/features/placements/routes/placements').then((m) => m.PlacementsPage),
  board: () => import('@/features/board/routes/board').then((m) => m.BoardPage),
  cohort: () => import('@/features/timeline/routes/cohort').then((m) => m.CohortPage),
  users: () => import('@/features/users/routes/users').then((m) => m.UsersPage),
  tags: () => import('@/features/tags/routes/tags').then((m) => m.TagsPage),
  checklists: () => import('@/features/checklists/routes/checklists').then((m) => m.ChecklistsPage),
  personalData: () => import('@/features/personal/routes/personal-data').then((m) => m.PersonalDataPage),
};

function rolePage(name: PathName, load: Loader, roles = rolesFor(name)): RouteObject {
  return {
    path: paths[name].path,
    lazy: async () => {
      const Page = await load();
      return {
        Component: () => (
          <RequireRole roles={roles}>
            <Page />
          </RequireRole>
        ),
      };
    },
  };
}

/** routes is the whole table (exported for tests). */
export const routes: RouteObject[] = [
  { path: paths.signIn.path, Component: SignInPage },
  {
    HydrateFallback: () => <Loading fullPage />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, Component: HomeRedirect },
      {
        path: paths.account.path,
        lazy: async () => ({ Component: (await import('@/features/account/routes/account')).AccountPage }),
      },
      {
        // My data: every signed-in role, their own record.
        path: paths.myData.path,
        lazy: async () => ({ Component: (await import('@/features/personal/routes/my-data')).MyDataPage }),
      },
      {
        // The task page: every signed-in role may open it (what each may do there is the server's call).
        path: paths.task.path,
        lazy: async () => ({ Component: (await import('@/features/tasks/routes/task')).TaskPage }),
      },
      {
        // A placement's timeline and handover report: whoever may read the placement (the server decides).
        path: paths.placementTimeline.path,
        lazy: async () => ({ Component: (await import('@/features/timeline/routes/timeline')).TimelinePage }),
      },
      {
        path: paths.placementHandover.path,
        lazy: async () => ({ Component: (await import('@/features/handover/routes/handover')).HandoverPage }),
      },
      // issue 7: a stored handover and the caller's notifications, for every signed-in role.
      {
        path: paths.storedHandover.path,
        lazy: async () => ({ Component: (await import('@/features/handover/routes/handover')).StoredHandoverPage }),
      },
      {
        path: paths.notifications.path,
        lazy: async () => ({ Component: (await import('@/features/notifications/routes/notifications')).NotificationsPage }),
      },
      {
        path: paths.evaluation.path,
        lazy: async () => ({ Component: (await import('@/features/evaluations/routes/evaluation')).EvaluationPage }),
      },
      // Project pages outside the navigation, for whoever may open Projects.
      rolePage('project', () => import('@/features/projects/routes/project').then((m) => m.ProjectPage), rolesFor('projects')),
      rolePage('branchBoard', () => import('@/features/projects/routes/branch-board').then((m) => m.BranchBoardPage), rolesFor('projects')),
      ...Object.entries(pages).map(([name, load]) => rolePage(name as PathName, load)),
      { path: '*', Component: NotFoundPage },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
