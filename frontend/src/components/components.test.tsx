import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api';
import { renderWithProviders } from '@/testing/render';
import { HealthBadge, ProgressBar } from './Badges';
import { Button } from './Button';
import { ConflictNotice } from './ConflictNotice';
import { Dialog } from './Dialog';
import { TextField } from './Field';
import { DateText, NumberText } from './Format';
import { FormError } from './FormError';
import { Pagination } from './Pagination';

describe('ConflictNotice', () => {
  it('explains the conflict and offers a reload that keeps the changes', async () => {
    const onReload = vi.fn();
    renderWithProviders(<ConflictNotice onReload={onReload} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('This item was changed by someone else meanwhile.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload and keep my changes' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('speaks French', () => {
    renderWithProviders(<ConflictNotice onReload={() => {}} />, { locale: 'fr' });
    expect(screen.getByRole('button', { name: 'Recharger en gardant mes modifications' })).toBeInTheDocument();
  });
});

describe('TextField', () => {
  it('ties the label, hint and error to the input', () => {
    renderWithProviders(<TextField label="Name" hint="As others see it" error="This field is required." defaultValue="" />);
    const input = screen.getByLabelText('Name');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('As others see it This field is required.');
  });
});

describe('FormError', () => {
  it('says what went wrong and quotes the request id of a server fault', () => {
    renderWithProviders(<FormError error={new ApiError({ status: 500, code: 'internal', requestId: 'r-42' })} />);
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on the server.');
    expect(screen.getByRole('alert')).toHaveTextContent('r-42');
  });

  it('lists field errors no field shows', () => {
    renderWithProviders(<FormError error={new ApiError({ status: 422, code: 'validation_failed' })} unplaced={[['branch_id', 'No such branch.']]} />);
    expect(screen.getByRole('alert')).toHaveTextContent('branch_id: No such branch.');
  });
});

describe('formatting components', () => {
  it('formats dates and numbers for the locale', () => {
    renderWithProviders(<p><DateText value="2026-07-14" style="long" /> · <NumberText value={0.5} /></p>, { locale: 'fr' });
    expect(screen.getByText(/14 juillet 2026/)).toBeInTheDocument();
    expect(screen.getByText(/0,5/)).toBeInTheDocument();
  });
});

describe('badges', () => {
  it('says health in words', () => {
    renderWithProviders(<HealthBadge health="at_risk" />);
    expect(screen.getByText('At risk')).toBeInTheDocument();
  });

  it('exposes progress to assistive technology', () => {
    renderWithProviders(<ProgressBar value={42.4} label="Progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
  });
});

describe('Pagination', () => {
  it('pages through the envelope', async () => {
    const onPage = vi.fn();
    renderWithProviders(<Pagination page={{ total: 120, page: 1, per_page: 50 }} onPageChange={onPage} />);
    expect(screen.getByText('1–50 of 120')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Previous' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenCalledWith(2);
  });

  it('hides itself when one page holds everything', () => {
    const { container } = renderWithProviders(<Pagination page={{ total: 3, page: 1, per_page: 50 }} onPageChange={() => {}} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('Dialog', () => {
  function Harness() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <Button onClick={() => setOpen(true)}>Open</Button>
        <Dialog open={open} title="Edit" onClose={() => setOpen(false)}>
          <input aria-label="First" />
          <input aria-label="Last" />
        </Dialog>
      </>
    );
  }

  it('moves focus in, keeps it in, closes on Esc and gives focus back', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />);
    const opener = screen.getByRole('button', { name: 'Open' });
    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(screen.getByLabelText('Last')).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });
});
