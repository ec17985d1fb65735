// Test fixtures for the tasks feature's unit tests.
import type { Schemas } from '@/lib/api';

export function makeTask(over: Partial<Schemas['Task']> = {}): Schemas['Task'] {
  return {
    id: 27, project_id: 7, stream_id: 2, branch_id: 1, title: 'MD activity plan: costing annex', description: '',
    assignee_id: 7, status: 'in_progress', priority: 'medium', start_date: '2026-10-01', due_date: '2026-12-02',
    progress: 75, estimate_hours: 10, created_by: 3, status_since: '2026-10-19T11:46:00Z', completed_at: null, version: 4,
    created_at: '2026-10-01T11:05:00Z', updated_at: '2026-11-20T10:08:00Z', tag_ids: [7], overdue: false,
    assignee_name: 'Emma Laurent', ...over,
  };
}

export const intern = { id: 7, role: 'intern', branch_id: 1 } as const;
export const otherIntern = { id: 8, role: 'intern', branch_id: 1 } as const;
export const supervisor = { id: 3, role: 'supervisor', branch_id: 1 } as const;
export const otherSupervisor = { id: 5, role: 'supervisor', branch_id: 2 } as const;
export const admin = { id: 1, role: 'admin', branch_id: null } as const;
export const leadership = { id: 2, role: 'leadership', branch_id: null } as const;
