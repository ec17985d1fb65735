import { paths, type PathName } from '@/config/paths';
import type { Schemas } from '@/lib/api';
import type { MessageKey } from '@/lib/i18n';

type Role = Schemas['Role'];

export type NavItem = { to: string; label: MessageKey };

const item = (name: PathName, label: MessageKey): NavItem => ({ to: paths[name].path, label });

/** navByRole is each role's navigation, in order; the first item is the role's start page. */
export const navByRole: Record<Role, readonly NavItem[]> = {
  intern: [item('myPlacement', 'nav.myPlacement'), item('myTasks', 'nav.myTasks')],
  supervisor: [
    item('myInterns', 'nav.myInterns'),
    item('projects', 'nav.projects'),
    item('reviewQueue', 'nav.reviewQueue'),
    item('reportQueue', 'nav.reportQueue'),
    item('placements', 'nav.placements'),
    item('board', 'nav.board'),
    item('cohort', 'nav.cohort'),
  ],
  leadership: [item('board', 'nav.board'), item('cohort', 'nav.cohort')],
  admin: [
    item('users', 'nav.users'),
    item('tags', 'nav.tags'),
    item('checklists', 'nav.checklists'),
    item('board', 'nav.board'),
    item('projects', 'nav.projects'),
    item('reviewQueue', 'nav.reviewQueue'),
    item('reportQueue', 'nav.reportQueue'),
    item('placements', 'nav.placements'),
    item('cohort', 'nav.cohort'),
    item('personalData', 'nav.personalData'),
  ],
};

/** homeFor is where "/" leads a role. */
export function homeFor(role: Role): string {
  return navByRole[role][0]?.to ?? paths.account.path;
}

/** rolesFor lists the roles whose navigation has the path (who may open the page). */
export function rolesFor(name: PathName): Role[] {
  const to = paths[name].path;
  return (Object.keys(navByRole) as Role[]).filter((r) => navByRole[r].some((i) => i.to === to));
}
