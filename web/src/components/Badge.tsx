import type { ReactNode } from 'react';

export type BadgeTone = 'gray' | 'green' | 'red' | 'amber' | 'blue' | 'brand' | 'outline';

export function Badge({ tone = 'gray', dot = false, children }: { tone?: BadgeTone; dot?: boolean; children: ReactNode }) {
  const classes = ['badge', tone === 'gray' ? '' : `badge-${tone}`, dot ? 'badge-dot' : ''].filter((c) => c !== '').join(' ');
  return <span className={classes}>{children}</span>;
}
