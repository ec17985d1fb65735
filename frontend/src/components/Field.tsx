import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

type Common = {
  label: string;
  /** error is the message beside the field (from useFieldErrors().errorFor). */
  error?: string | undefined;
  /** hint is help text under the label. */
  hint?: ReactNode;
};

function useFieldIds(id: string | undefined, error: string | undefined, hint: ReactNode) {
  const auto = useId();
  const fieldId = id ?? auto;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { fieldId, hintId, errorId, describedBy };
}

function Frame({ label, fieldId, hint, hintId, error, errorId, required, children }: {
  label: string; fieldId: string; hint?: ReactNode; hintId?: string | undefined; error?: string | undefined; errorId?: string | undefined; required?: boolean | undefined; children: ReactNode;
}) {
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={fieldId}>
        {label}
        {required && <span className="field__required" aria-hidden="true"> *</span>}
      </label>
      {hint && <div className="field__hint" id={hintId}>{hint}</div>}
      {children}
      {error && <div className="field__error" id={errorId}>{error}</div>}
    </div>
  );
}

/** TextField is a labelled <input> with hint and error text wired for assistive technology. */
export function TextField({ label, error, hint, id, className, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id, error, hint);
  return (
    <Frame label={label} fieldId={ids.fieldId} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} required={rest.required}>
      <input id={ids.fieldId} className={`input ${className ?? ''}`} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...rest} />
    </Frame>
  );
}

/** TextAreaField is TextField for several lines. */
export function TextAreaField({ label, error, hint, id, className, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(id, error, hint);
  return (
    <Frame label={label} fieldId={ids.fieldId} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} required={rest.required}>
      <textarea id={ids.fieldId} className={`input textarea ${className ?? ''}`} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...rest} />
    </Frame>
  );
}

export type Option = { value: string; label: string };

/** SelectField is a labelled <select> over options. */
export function SelectField({ label, error, hint, id, className, options, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[] }) {
  const ids = useFieldIds(id, error, hint);
  return (
    <Frame label={label} fieldId={ids.fieldId} hint={hint} hintId={ids.hintId} error={error} errorId={ids.errorId} required={rest.required}>
      <select id={ids.fieldId} className={`input select ${className ?? ''}`} aria-invalid={error ? true : undefined} aria-describedby={ids.describedBy} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Frame>
  );
}
