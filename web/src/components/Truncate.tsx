import type { ElementType, ReactNode } from 'react';

/**
 * One line of text cut with an ellipsis when it does not fit. The whole value is the tooltip on
 * hover, and shows in full (wrapped) while the text, or the table row holding it, has focus.
 */
export function Truncate({ text, as: Tag = 'span', className, children }: { text: string; as?: ElementType; className?: string; children?: ReactNode }) {
  return (
    <Tag className={['truncate', className ?? ''].join(' ').trim()} title={text}>
      {children ?? text}
    </Tag>
  );
}
