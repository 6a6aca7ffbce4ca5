// Sign in: whatever the service is configured for. Local development: a clearly marked sign-in as any seeded
// person (with roles to try the manager pages). Entra ID: NHS organisation accounts through MSAL. None: says so.

import { gql } from '../api';
import { announce, h, replaceChildren, uid } from '../dom';
import { entraAccessToken, type EntraOptions } from '../entra';
import { label, visibilityLabels } from '../labels';
import { newestOnly, type PageContext } from '../router';
import { currentSession, signIn } from '../session';
import { errorBox, loading, pageHeading } from '../ui';

interface SignInOptions {
  mode: string;
  developmentSignIn: boolean;
  entraId: EntraOptions | null;
}

interface SeededPerson {
  id: string;
  displayName: string;
  headline: string | null;
  organisation: string | null;
  visibility: string;
}

/** Where to go after signing in: the return address when it is one of this app's pages, else My profile. */
function destination(query: URLSearchParams): string {
  const back = query.get('return');
  return back && back.startsWith('#/') && !back.startsWith('#/sign-in') ? back : '#/me';
}

export async function signInPage({ main, query, signal }: PageContext): Promise<void> {
  main.append(pageHeading('Sign in'));
  const body = h('div', {}, loading('the sign-in options'));
  main.append(body);

  let options: SignInOptions;
  try {
    options = (await gql<{ signInOptions: SignInOptions }>(
      `query SignInOptions { signInOptions { mode developmentSignIn entraId { authority clientId scopes } } }`, {}, signal)).signInOptions;
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(body, errorBox(error, 'The sign-in options could not be loaded'));
    return;
  }
  if (signal.aborted) return;

  const session = currentSession();
  const already = session ? h('div', { className: 'notice' },
    'You are signed in as ', h('strong', {}, session.name), '. Signing in again replaces that sign-in. ',
    h('a', { href: '#/me' }, 'Go to My profile'), '.') : null;

  if (options.mode === 'LOCAL_DEVELOPMENT' && options.developmentSignIn) {
    replaceChildren(body, already, developmentSignIn(query, signal));
  } else if (options.mode === 'ENTRA_ID' && options.entraId) {
    replaceChildren(body, already, entraSignIn(options.entraId, query));
  } else if (options.mode === 'LOCAL_DEVELOPMENT') {
    replaceChildren(body, already, tokenSignIn(query, signal));
  } else {
    replaceChildren(body,
      h('p', {}, 'Sign-in is not configured for this service, so you can search experts and view public profiles but cannot edit a profile or send invitations.'),
      h('p', {}, 'An administrator sets it up with Entra ID (NHS organisation accounts), or, on a developer\'s own machine, the local development sign-in.'),
      h('p', {}, h('a', { href: '#/' }, 'Search experts'), ' instead.'));
  }
}

function developmentSignIn(query: URLSearchParams, signal: AbortSignal): HTMLElement {
  const searchId = uid('seeded');
  const input = h('input', { type: 'search', id: searchId, name: 'person', autocomplete: 'off', 'aria-describedby': `${searchId}-hint` });
  const manager = h('input', { type: 'checkbox', id: uid('role'), name: 'role', value: 'NETWORK_MANAGER' });
  const admin = h('input', { type: 'checkbox', id: uid('role'), name: 'role', value: 'ADMIN' });
  const results = h('div', {});
  const failure = h('div', {});

  const nextRequest = newestOnly(signal);
  let timer = 0;
  const find = async () => {
    const answer = nextRequest();
    try {
      const data = await gql<{ developmentSignInPeople: SeededPerson[] }>(
        `query SeededPeople($query: String, $first: Int) { developmentSignInPeople(query: $query, first: $first) { id displayName headline organisation visibility } }`,
        { query: input.value.trim() || null, first: 20 }, answer);
      if (answer.aborted) return;
      const people = data.developmentSignInPeople;
      replaceChildren(results,
        h('p', { className: 'result-count', role: 'status' }, people.length ? `${people.length} ${people.length === 1 ? 'person' : 'people'} shown.` : 'Nobody matches that name.'),
        h('ul', { className: 'plain-list seeded-people' }, people.map((p) => h('li', {},
          h('div', {},
            h('strong', {}, p.displayName),
            h('span', { className: 'muted seeded-details' }, [p.headline, p.organisation].filter(Boolean).join(' · ')),
            h('span', { className: 'muted seeded-details' }, `Visibility: ${label(visibilityLabels, p.visibility)}`)),
          h('button', { type: 'button', className: 'button button--secondary button--small', onclick: () => void choose(p) }, `Sign in as ${p.displayName}`)))));
    } catch (error) {
      if (answer.aborted) return;
      replaceChildren(results, errorBox(error, 'The seeded people could not be listed'));
    }
  };
  input.addEventListener('input', () => { window.clearTimeout(timer); timer = window.setTimeout(() => void find(), 250); });

  let signingIn = false;
  const choose = async (person: SeededPerson) => {
    if (signingIn) return; // one sign-in at a time: a double click sends one request
    signingIn = true;
    replaceChildren(failure);
    const roles = [manager, admin].filter((box) => box.checked).map((box) => box.value);
    try {
      const data = await gql<{ developmentSignIn: { token: string; person: { id: string } } }>(
        `mutation DevelopmentSignIn($personId: ID!, $roles: [Role!]) { developmentSignIn(personId: $personId, roles: $roles) { token expiresAt person { id } } }`,
        { personId: person.id, roles });
      if (signal.aborted) return; // the user went elsewhere meanwhile: do not move them
      signIn(data.developmentSignIn.token, true, data.developmentSignIn.person.id);
      announce(`Signed in as ${person.displayName}.`);
      location.hash = destination(query);
    } catch (error) {
      replaceChildren(failure, errorBox(error, 'Signing in did not work'));
      failure.querySelector<HTMLElement>('.error-summary')?.focus();
    } finally {
      signingIn = false;
    }
  };

  void find();
  return h('div', {},
    h('div', { className: 'notice notice--warning dev-warning', role: 'note' },
      h('h2', {}, 'Development sign-in: not for real use; anyone can be anyone'),
      h('p', {}, 'This service runs in local development mode. Choose any seeded person to act as them; nothing checks who you are. Real services sign in with Entra ID.')),
    failure,
    h('div', { className: 'card' },
      h('fieldset', {},
        h('legend', {}, 'Roles for this sign-in'),
        h('span', { className: 'hint' }, 'Optional: to try the pages for network managers and administrators.'),
        h('div', { className: 'checkbox' }, manager, h('label', { for: manager.id }, 'Network manager')),
        h('div', { className: 'checkbox' }, admin, h('label', { for: admin.id }, 'Administrator'))),
      h('div', { className: 'field' },
        h('label', { for: searchId }, 'Find a seeded person'),
        h('span', { className: 'hint', id: `${searchId}-hint` }, 'Part of a name, e.g. "Aaron". Leave empty to list the first people.'),
        input),
      results));
}

function entraSignIn(options: EntraOptions, query: URLSearchParams): HTMLElement {
  const failure = h('div', {});
  const button = h('button', { type: 'button', className: 'button' }, 'Sign in with your NHS organisation account');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(failure, h('p', { className: 'loading', role: 'status' }, 'Signing in: finish in the window that opened…'));
    try {
      const token = await entraAccessToken(options);
      signIn(token, false);
      announce('Signed in.');
      location.hash = destination(query);
    } catch (error) {
      replaceChildren(failure, errorBox(new Error(entraFailure(error)), 'Signing in did not work'));
    } finally {
      button.disabled = false;
    }
  });
  return h('div', { className: 'card' },
    h('p', {}, 'Sign in with the Microsoft account your NHS organisation gave you. A sign-in window opens; when you have finished there, you come back here.'),
    button, failure);
}

/** MSAL's error codes in plain words; anything else keeps MSAL's own message. */
function entraFailure(error: unknown): string {
  const code = typeof error === 'object' && error && 'errorCode' in error ? String((error as { errorCode: unknown }).errorCode) : '';
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'user_cancelled': return 'The sign-in window was closed before signing in finished. Try again when you are ready.';
    case 'popup_window_error':
    case 'empty_window_error': return 'The sign-in window could not be opened: allow pop-ups for this site and try again.';
    case 'timed_out':
    case 'monitor_window_timeout': return 'The sign-in window did not finish in time (it may have been closed, or the Microsoft sign-in service could not be reached). Try again.';
    case 'interaction_in_progress': return 'A sign-in is already under way in another window: finish or close it, then try again.';
    default: return message;
  }
}

/**
 * The local issuer without the development sign-in (a test environment): an administrator issues a token with the
 * service's `token` verb, and its holder signs in with it here. The token is checked with `me` before it is kept.
 */
function tokenSignIn(query: URLSearchParams, signal: AbortSignal): HTMLElement {
  const id = uid('token');
  const input = h('textarea', { id, name: 'token', rows: 4, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint` });
  const failure = h('div', {});
  const button = h('button', { type: 'submit', className: 'button' }, 'Sign in with this token');
  const form = h('form', { className: 'card' },
    h('div', { className: 'field' },
      h('label', { for: id }, 'Your sign-in token'),
      h('span', { className: 'hint', id: `${id}-hint` },
        'This service signs its own tokens and its development sign-in is off. Ask an administrator for a token (they run the service\'s "token" verb for your profile) and paste it here.'),
      input),
    failure, button);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    replaceChildren(failure);
    if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
      replaceChildren(failure, errorBox(new Error('That is not a token: a token is three parts separated by dots.'), 'Signing in did not work'));
      return;
    }
    button.disabled = true;
    try {
      const me = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `query TokenOwner { me { id displayName } }` }),
        signal,
      }).then((r) => r.json() as Promise<{ data?: { me: { id: string; displayName: string } } | null; errors?: { message: string; extensions?: { code?: string } }[] }>);
      if (signal.aborted) return;
      // A valid token whose sign-in has no profile yet (or deleted it): signed in, and My profile offers to create one.
      if (!me.data?.me && me.errors?.[0]?.extensions?.code === 'NOT_FOUND') {
        signIn(token, false);
        announce('Signed in. You have no profile yet.');
        location.hash = '#/me';
        return;
      }
      if (!me.data?.me) throw new Error(me.errors?.[0]?.message ?? 'The service did not accept that token.');
      signIn(token, false, me.data.me.id);
      announce(`Signed in as ${me.data.me.displayName}.`);
      location.hash = destination(query);
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(failure, errorBox(error, 'Signing in did not work'));
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
