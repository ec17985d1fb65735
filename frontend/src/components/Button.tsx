import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './Spinner';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'md' | 'sm';
  /** busy disables the button and shows a spinner (for a pending mutation). */
  busy?: boolean;
};

/** Button is every button; type defaults to "button" (forms pass "submit"). */
export function Button({ variant = 'secondary', size = 'md', busy = false, className, children, disabled, type = 'button', ...rest }: Props) {
  const cls = ['btn', `btn--${variant}`, size === 'sm' ? 'btn--sm' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={cls} disabled={disabled || busy} aria-busy={busy || undefined} {...rest}>
      {busy && <Spinner size="sm" />}
      {children}
    </button>
  );
}
