import { useEffect, useState } from 'react';

/** A text field that saves when it loses focus or on Enter, and goes back on Escape. */
export function CommitInput({
  value,
  onCommit,
  label,
  className,
  maxLength,
}: {
  value: string;
  onCommit(next: string): Promise<unknown> | void;
  label: string;
  className?: string;
  maxLength?: number;
}) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const next = draft.trim();
    if (next === value) return;
    if (!next) return setDraft(value);
    void onCommit(next);
  };
  return (
    <input
      type="text"
      className={className}
      aria-label={label}
      value={draft}
      maxLength={maxLength}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape' && draft !== value) {
          event.preventDefault();
          event.stopPropagation();
          setDraft(value);
        }
      }}
    />
  );
}
