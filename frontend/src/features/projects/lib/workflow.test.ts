import { describe, expect, it } from 'vitest';
import { canMove, moverFor, stepTarget, targetsFor } from './workflow';

const supervisorCPP = { id: 3, role: 'supervisor' as const, branch_id: 1 };
const supervisorMC = { id: 4, role: 'supervisor' as const, branch_id: 2 };
const admin = { id: 1, role: 'admin' as const, branch_id: null };
const intern = { id: 9, role: 'intern' as const, branch_id: 1 };
const lead = { id: 2, role: 'leadership' as const, branch_id: null };
const task = { branch_id: 1, assignee_id: 9 };

describe('moverFor', () => {
  it('makes admins and supervisors of the task branch reviewers, the intern assignee an assignee, others nothing', () => {
    expect(moverFor(admin, task)).toBe('reviewer');
    expect(moverFor(supervisorCPP, task)).toBe('reviewer');
    expect(moverFor(supervisorMC, task)).toBeNull();
    expect(moverFor(intern, task)).toBe('assignee');
    expect(moverFor(intern, { branch_id: 1, assignee_id: 10 })).toBeNull();
    expect(moverFor(lead, task)).toBeNull();
  });
});

describe('valid drop targets', () => {
  it('follows the workflow for a reviewer', () => {
    expect(targetsFor('reviewer', 'todo')).toEqual(['in_progress']);
    expect(targetsFor('reviewer', 'in_progress')).toEqual(['todo', 'blocked', 'in_review']);
    expect(targetsFor('reviewer', 'blocked')).toEqual(['in_progress']);
    expect(targetsFor('reviewer', 'in_review')).toEqual(['in_progress', 'done']);
    expect(targetsFor('reviewer', 'done')).toEqual(['in_progress']);
  });

  it('keeps accepting, sending back and reopening for reviewers', () => {
    expect(targetsFor('assignee', 'in_review')).toEqual([]);
    expect(targetsFor('assignee', 'done')).toEqual([]);
    expect(targetsFor('assignee', 'in_progress')).toEqual(['todo', 'blocked', 'in_review']);
    expect(canMove('assignee', 'in_review', 'done')).toBe(false);
    expect(canMove('reviewer', 'in_review', 'done')).toBe(true);
  });

  it('offers nothing to someone who may not move the task, and never a jump across the workflow', () => {
    expect(targetsFor(null, 'in_progress')).toEqual([]);
    expect(canMove('reviewer', 'todo', 'done')).toBe(false);
    expect(canMove('reviewer', 'blocked', 'in_review')).toBe(false);
    expect(canMove('reviewer', 'todo', 'todo')).toBe(false);
  });
});

describe('stepTarget (keyboard move)', () => {
  it('skips the columns the task may not go to and stops at the ends', () => {
    // in_progress: todo, blocked and in_review are allowed; done is not.
    expect(stepTarget('reviewer', 'in_progress', 'in_progress', 1)).toBe('blocked');
    expect(stepTarget('reviewer', 'in_progress', 'blocked', 1)).toBe('in_review');
    expect(stepTarget('reviewer', 'in_progress', 'in_review', 1)).toBe('in_review');
    expect(stepTarget('reviewer', 'in_progress', 'in_progress', -1)).toBe('todo');
    expect(stepTarget('reviewer', 'in_progress', 'todo', -1)).toBe('todo');
  });

  it('jumps over closed columns and can come back to the origin', () => {
    // in_review: in_progress and done (skipping nothing between in_review and done; blocked is skipped going left).
    expect(stepTarget('reviewer', 'in_review', 'in_review', -1)).toBe('in_progress');
    expect(stepTarget('reviewer', 'in_review', 'in_progress', 1)).toBe('in_review');
    expect(stepTarget('reviewer', 'in_review', 'in_review', 1)).toBe('done');
    // todo may only go to in_progress.
    expect(stepTarget('reviewer', 'todo', 'todo', 1)).toBe('in_progress');
    expect(stepTarget('reviewer', 'todo', 'in_progress', 1)).toBe('in_progress');
  });
});
