import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '@/testing/render';
import { TagGroupSection } from './tag-group-list';
import { groupTags, type Tag } from './tag-groups';

const tag = (id: number, code: string, name: string, kind: Tag['kind']): Tag => ({ id, code, name, kind, description: '', version: 1 });
const tags = [
  tag(1, 'UN', 'United Nations', 'organisation'),
  tag(2, 'EU', 'European Union', 'organisation'),
  tag(3, 'PfP', 'Partnership for Peace', 'framework'),
  tag(4, 'AU', 'African Union', 'organisation'),
  tag(5, 'MD', 'Mediterranean Dialogue', 'framework'),
];

describe('groupTags', () => {
  it('groups by kind in a fixed order, sorted by name, with empty kinds kept', () => {
    const groups = groupTags(tags);
    expect(groups.map((g) => g.kind)).toEqual(['organisation', 'framework', 'country']);
    expect(groups[0]!.tags.map((t) => t.code)).toEqual(['AU', 'EU', 'UN']);
    expect(groups[1]!.tags.map((t) => t.code)).toEqual(['MD', 'PfP']);
    expect(groups[2]!.tags).toEqual([]);
  });

  it('sorts names the way the locale does', () => {
    const groups = groupTags([tag(1, 'UA', 'Ukraine', 'country'), tag(2, 'EG', 'Égypte', 'country'), tag(3, 'GE', 'Géorgie', 'country')], 'fr');
    expect(groups[2]!.tags.map((t) => t.name)).toEqual(['Égypte', 'Géorgie', 'Ukraine']);
  });
});

describe('TagGroupSection', () => {
  it('lists a kind with its count and actions, and invites to add when empty', async () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const [orgs, , countries] = groupTags(tags);
    const { unmount } = renderWithProviders(<TagGroupSection group={orgs!} onAdd={() => {}} onEdit={onEdit} onDelete={onDelete} />);
    const section = screen.getByRole('region', { name: /International organisations/ });
    expect(section).toHaveTextContent('3 tags');
    expect(within(section).getAllByRole('listitem').map((li) => li.querySelector('.tags-code')?.textContent)).toEqual(['AU', 'EU', 'UN']);
    await userEvent.click(within(section).getByRole('button', { name: 'Delete tag EU' }));
    expect(onDelete).toHaveBeenCalledWith(expect.objectContaining({ code: 'EU' }));
    unmount();

    renderWithProviders(<TagGroupSection group={countries!} onAdd={() => {}} onEdit={onEdit} onDelete={onDelete} />, { locale: 'fr' });
    const empty = screen.getByRole('region', { name: /Pays partenaires/ });
    expect(empty).toHaveTextContent('0 étiquette');
    expect(empty).toHaveTextContent('Aucune étiquette de ce type');
    expect(within(empty).getByRole('button', { name: 'Ajouter un pays' })).toBeInTheDocument();
  });
});
