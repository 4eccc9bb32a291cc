import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';

export function PageLayout({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="page">
      <Heading as="h1" size="large">
        {title}
      </Heading>
      {intro && <p className="page-intro">{intro}</p>}
      {children}
    </main>
  );
}

interface SectionProps {
  id: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}

/** A titled part of a page; the heading names the region for assistive technology. */
export function Section({ id, title, description, actions, children }: SectionProps) {
  return (
    <section className="section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <div className="section-header">
        <Heading as="h2" size="medium" id={`${id}-heading`}>
          {title}
        </Heading>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {description && <p className="section-description">{description}</p>}
      {children}
    </section>
  );
}
