import { useEffect, useRef, useState } from 'react';
import type { ShortcutCommand } from '../../../shared/shortcuts';
import { keyShortcutProps, shortcutLabel } from '../shortcuts';

interface MenuItem {
  label: string;
  /** The command whose shortcut is shown on the right, e.g. "Ctrl+O". */
  command?: ShortcutCommand;
  title?: string;
  run(): void;
}

/** A button that opens a short menu: arrow keys move, Enter chooses, Escape closes. */
export function MenuButton({ label, items }: { label: string; items: readonly MenuItem[] }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="menu-button" ref={root}>
      <button ref={button} type="button" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          role="menu"
          aria-label={label}
          className="menu"
          onKeyDown={(event) => {
            const entries = [...(root.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = entries.indexOf(document.activeElement as HTMLElement);
            if (event.key === 'ArrowDown') entries[(at + 1) % entries.length]?.focus();
            else if (event.key === 'ArrowUp') entries[(at - 1 + entries.length) % entries.length]?.focus();
            else if (event.key === 'Home') entries[0]?.focus();
            else if (event.key === 'End') entries[entries.length - 1]?.focus();
            else if (event.key === 'Escape' || event.key === 'Tab') close();
            else return;
            if (event.key !== 'Tab') event.preventDefault();
          }}
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              title={item.title}
              {...(item.command ? keyShortcutProps(item.command) : {})}
              onClick={() => {
                setOpen(false);
                item.run();
              }}
            >
              <span>{item.label}</span>
              {item.command && <kbd>{shortcutLabel(item.command)}</kbd>}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
