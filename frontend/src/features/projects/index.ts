// The projects feature's public face for the other supervisor pages.
export { useProjectTitles } from './api/get-project';
export { byId, useBranches, usePeople, useStreams, useTags } from './api/reference';
export { addComment, getLastProgress, getTask, refreshTasks, updateTask, useTaskList, type Task } from './api/tasks';
export { branchBoardPath, projectPath, taskPath } from './lib/links';
export { scopedBranch } from './lib/search-params';
