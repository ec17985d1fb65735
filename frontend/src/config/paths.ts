// The route table: every page's path, one place. Links use paths.x.path (or
// paths.x.to(...) when the path has parameters) so a renamed route is a
// compile error, not a dead link. src/app/router.tsx maps each entry to its
// page; src/app/nav.ts says which roles see it in the navigation.

export const paths = {
  home: { path: '/' },
  signIn: { path: '/sign-in' },
  account: { path: '/account' },

  // intern
  myPlacement: { path: '/my/placement' },
  myTasks: { path: '/my/tasks' },

  // supervisor
  myInterns: { path: '/interns' },
  reviewQueue: { path: '/review' },
  reportQueue: { path: '/reports/review' },

  // several roles
  projects: { path: '/projects' },
  project: { path: '/projects/:id', to: (id: number) => `/projects/${id}` },
  branchBoard: { path: '/projects/board' },
  placements: { path: '/placements' },
  cohort: { path: '/placements/cohort' },
  board: { path: '/board' },

  // every signed-in role (the task page; the server decides what each may do there)
  task: { path: '/tasks/:id', to: (id: number) => `/tasks/${id}` },
  // whoever may read the placement (the server decides)
  placementTimeline: { path: '/placements/:id/timeline', to: (id: number) => `/placements/${id}/timeline` },
  placementHandover: { path: '/placements/:id/handover', to: (id: number) => `/placements/${id}/handover` },
  // issue 7: a stored handover (its successor, or whoever reads the placement) and the caller's notifications
  storedHandover: { path: '/handovers/:id', to: (id: number) => `/handovers/${id}` },
  notifications: { path: '/notifications' },
  // An evaluation (issue 7): whoever may read the placement; each side writes its own part (the server decides).
  evaluation: {
    path: '/placements/:id/evaluations/:eid',
    to: (placementId: number, id: number) => `/placements/${placementId}/evaluations/${id}`,
  },

  // admin
  users: { path: '/users' },
  tags: { path: '/tags' },
  checklists: { path: '/checklists' },
  personalData: { path: '/personal-data' },

  // every signed-in role: their own record (issue 7)
  myData: { path: '/my/data' },
} as const;

export type PathName = keyof typeof paths;
