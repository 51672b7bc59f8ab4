/**
 * Preferences ▸ Team library: the CouchDB server, database and user to share this library through,
 * the password (sent to the host once, never shown back), Connect / Disconnect / Sync now, the state
 * and its one-line error, and the read-only note for a reader account.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../api/client';
import { useSyncView } from './sync-context';
import { STATE_GLYPH, stateLine } from './sync-text';

interface Fields {
  server: string;
  db: string;
  user: string;
  password: string;
}

export function TeamLibrarySection() {
  const view = useSyncView();
  const status = view?.status ?? null;
  const settings = status?.settings;
  const [fields, setFields] = useState<Fields>({ server: settings?.server ?? '', db: settings?.db ?? '', user: settings?.user ?? '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const serverInput = useRef<HTMLInputElement>(null);
  const touched = useRef(false);
  const titleId = useId();

  // Settings known only after the section opened (the first status on its way) fill the fields, unless already typed in.
  const { server = '', db = '', user = '' } = settings ?? {};
  useEffect(() => {
    if (!touched.current && server) setFields((f) => ({ ...f, server, db, user }));
  }, [server, db, user]);
  const stateId = useId();

  // Opened from the toolbar's indicator: this section comes into view with the focus.
  useEffect(() => {
    if (!view?.actions.takeFocusRequest()) return;
    section.current?.scrollIntoView({ block: 'nearest' });
    serverInput.current?.focus();
  }, [view]);

  if (!view) return null;
  const connected = status !== null && status.state !== 'off';
  const field = (key: keyof Fields) => ({
    value: fields[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      touched.current = true;
      setFields({ ...fields, [key]: e.target.value });
    },
  });
  // Controls stay enabled while a call runs (disabling the focused one would drop the focus out of the dialog); a second click waits its turn.
  const act = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const connect = (e: React.FormEvent) => {
    e.preventDefault();
    const { password, ...where } = fields;
    void act(async () => {
      await view.actions.connect({ ...where, server: where.server.trim(), db: where.db.trim(), user: where.user.trim(), ...(password ? { password } : {}) });
      setFields((f) => ({ ...f, password: '' }));
    });
  };
  const problem = error ?? (status?.state === 'error' || status?.state === 'offline' ? status.error : null);

  return (
    <section ref={section} className="fm-team-library" aria-labelledby={titleId}>
      <h3 id={titleId} className="fm-section-title">
        Team library
      </h3>
      <p className="fm-hint fm-team-hint">Share this library with your team through a CouchDB database (CouchDB 3, Cloudant or pouchdb-server). Every change is saved here first, then sent.</p>
      {status === null ? <p className="fm-hint">The team library is not available in this window yet.</p> : null}
      <form className="fm-form fm-team-form" onSubmit={connect} aria-describedby={stateId}>
        <label className="fm-field fm-field-wide">
          <span>Server URL</span>
          <input ref={serverInput} type="url" required placeholder="https://couch.example.org" autoComplete="url" {...field('server')} />
        </label>
        <label className="fm-field">
          <span>Database name</span>
          <input type="text" required placeholder="newsroom-checks" autoCapitalize="off" spellCheck={false} {...field('db')} />
        </label>
        <label className="fm-field">
          <span>User name</span>
          <input type="text" required autoComplete="username" autoCapitalize="off" spellCheck={false} {...field('user')} />
        </label>
        <label className="fm-field fm-field-wide">
          <span>Password</span>
          <input type="password" autoComplete="current-password" placeholder={connected ? 'Kept by this computer; type to change it' : ''} {...field('password')} />
        </label>
        <div className="fm-team-actions">
          <button type="submit" className="fm-button fm-primary" disabled={status === null} aria-busy={busy}>
            {connected ? 'Reconnect' : 'Connect'}
          </button>
          {connected ? (
            <>
              <button type="button" className="fm-button" onClick={() => void act(view.actions.syncNow)}>
                Sync now
              </button>
              <button type="button" className="fm-button" onClick={() => void act(view.actions.disconnect)}>
                Disconnect
              </button>
            </>
          ) : null}
        </div>
      </form>
      <p id={stateId} className={`fm-team-state fm-sync-${status?.state ?? 'off'}`} aria-live="polite">
        {busy ? 'Working…' : status ? (
          <>
            <span aria-hidden="true">{STATE_GLYPH[status.state]} </span>
            {stateLine(status)}
            {status.settings && connected ? ` — ${status.settings.user} on ${status.settings.db}` : ''}
          </>
        ) : null}
      </p>
      {problem ? (
        <p role="alert" className="fm-team-error">
          {problem}
        </p>
      ) : null}
      {status?.readOnly ? (
        <p className="fm-team-readonly">
          <span aria-hidden="true">⊘ </span>This team library is read-only for you (reader account).
        </p>
      ) : null}
    </section>
  );
}
