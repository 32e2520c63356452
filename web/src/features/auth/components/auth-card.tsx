import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The frame shared by the sign-in, sign-up, confirm and recovery pages, with a way back to the app (they have no nav). */
export function AuthCard({ title, children, footer }: { title: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <Link className="auth-back" to="/">
        ← Back to Cruddur
      </Link>
      <div className="auth-brand" aria-hidden="true">Cruddur</div>
      <h1 id="auth-title">{title}</h1>
      {children}
      {footer && <div className="auth-footer">{footer}</div>}
    </section>
  );
}
