// The tasks feature's public face for other features.
export { tasksQueryOptions, useTasks, type TasksQuery } from './api/get-tasks';
export { GroupedTasks, groupByStatus } from './components/grouped-tasks';
export { DueText, PriorityBadge, TaskRow } from './components/task-bits';
export { capacityFor, movesFor } from './components/status-moves';
