// Who is signed in: a bearer token kept for this browser tab only (sessionStorage), never in a cookie, so the
// API's CSRF rules hold and closing the tab signs out.

const storageKey = 'ics-expertise-graph.session';

export interface Session {
  token: string;
  name: string;
  roles: string[];
  expiresAt: number; // epoch milliseconds
  personId?: string;
  development: boolean;
}

type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(storageKey);
  if (!raw) return null;
  try {
    const session = JSON.parse(raw) as Session;
    if (session.expiresAt <= Date.now()) {
      sessionStorage.removeItem(storageKey);
      return null;
    }
    return session;
  } catch {
    sessionStorage.removeItem(storageKey);
    return null;
  }
}

export function signIn(token: string, development: boolean, personId?: string): Session {
  const claims = decodeClaims(token);
  const roles = claims.roles === undefined ? [] : Array.isArray(claims.roles) ? claims.roles.map(String) : [String(claims.roles)];
  const session: Session = {
    token,
    name: typeof claims.name === 'string' ? claims.name : 'Signed in',
    roles,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000,
    development,
    ...(personId ? { personId } : {}),
  };
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  notify(session);
  return session;
}

export function remember(personId: string): void {
  const session = currentSession();
  if (session && session.personId !== personId) {
    session.personId = personId;
    sessionStorage.setItem(storageKey, JSON.stringify(session));
  }
}

export function signOut(): void {
  // Everything this tab keeps goes: our session and, after an Entra ID sign-in, MSAL's token cache (sessionStorage too).
  sessionStorage.clear();
  notify(null);
}

export function isNetworkManager(session: Session | null = currentSession()): boolean {
  return !!session && session.roles.some((role) => role === 'NetworkManager' || role === 'Admin');
}

export function onSessionChange(listener: Listener): void {
  listeners.add(listener);
}

function notify(session: Session | null): void {
  for (const listener of listeners) listener(session);
}

function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return {};
  }
}
