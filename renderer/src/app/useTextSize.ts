// The reader's text size (View ▸ Text Size, Ctrl+] and Ctrl+[): a CSS variable on the document,
// kept in localStorage so it survives restarts. The window's zoom (Ctrl+=) stays separate.
import { useCallback, useEffect, useState } from 'react';

export const defaultTextSize = 19;
const sizes = [14, 16, 17, 19, 21, 24, 27, 30, 34] as const;
const storageKey = 'glossa.readerTextSize';

function stored(): number {
  const value = Number(localStorage.getItem(storageKey));
  return sizes.includes(value as (typeof sizes)[number]) ? value : defaultTextSize;
}

/** The next size up or down the scale, staying at its ends. */
export function stepTextSize(current: number, step: 1 | -1): number {
  const at = sizes.findIndex((s) => s >= current);
  const index = at === -1 ? sizes.length - 1 : at;
  return sizes[Math.max(0, Math.min(sizes.length - 1, index + step))]!;
}

export function useTextSize(announce: (text: string) => void) {
  const [size, setSize] = useState(stored);
  useEffect(() => {
    document.documentElement.style.setProperty('--reader-text-size', `${size}px`);
    localStorage.setItem(storageKey, String(size));
  }, [size]);
  const change = useCallback(
    (how: 'larger' | 'smaller' | 'reset') => {
      const next = how === 'reset' ? defaultTextSize : stepTextSize(size, how === 'larger' ? 1 : -1);
      setSize(next);
      announce(`Text size ${Math.round((next / defaultTextSize) * 100)} %.`);
    },
    [size, announce],
  );
  return { size, change };
}
