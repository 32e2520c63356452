import type { ReactNode } from 'react';

/** The frame shared by the sign-in, sign-up, confirm and recovery pages. */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <div className="auth-brand" aria-hidden="true">Cruddur</div>
      <h1 id="auth-title">{title}</h1>
      {children}
      {footer && <div className="auth-footer">{footer}</div>}
    </section>
  );
}
