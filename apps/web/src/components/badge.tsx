import type { ReactNode } from 'react';

export type BadgeTone = 'danger' | 'warning' | 'success' | 'neutral';

/** A short label on a coloured pill; the words carry the meaning, the colour only repeats it (WCAG 1.4.1). */
export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
