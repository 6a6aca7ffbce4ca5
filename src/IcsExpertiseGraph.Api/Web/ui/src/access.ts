// What to say when a page needs a sign-in or a role the user lacks: the network and coverage pages.

import { ApiError } from './api';
import { announce, h } from './dom';
import { href } from './router';

/** A sign-in link that brings the user back to this page afterwards. */
export function signInLink(text = 'Sign in'): HTMLAnchorElement {
  return h('a', { href: href('/sign-in', { return: location.hash || '#/' }) }, text);
}

/** Why most managers' pages are theirs alone; a page about something else says its own reason. */
const summarisesEveryone = 'because it summarises everyone working in an Integrated Care System';

export function needSignIn(what: string, managersOnly = false, because = summarisesEveryone): HTMLElement {
  announce(`Sign in to see ${what}.`);
  return h('div', { className: 'notice notice--warning', role: 'status' },
    h('h2', { className: 'error-title' }, 'Sign in to see this'),
    managersOnly
      ? h('p', {}, `Only network managers (and administrators) can see ${what}, ${because}. `,
        signInLink('Sign in'), ' as one and you will come back here; on a development or demonstration service, tick "Network manager" on the development sign-in.')
      : h('p', {}, `Only signed-in members of the network can see ${what}, because it shows who works with whom. `,
        signInLink('Sign in'), ' and you will come back here.'));
}

export function needNetworkManager(what: string, because = summarisesEveryone): HTMLElement {
  announce(`Only network managers can see ${what}.`);
  return h('div', { className: 'notice notice--warning', role: 'status' },
    h('h2', { className: 'error-title' }, 'Network managers only'),
    h('p', {}, `Only network managers (and administrators) can see ${what}, ${because}.`),
    h('p', {}, 'Ask your administrator for the Network manager role. On a development or demonstration service, ',
      signInLink('sign in again'), ' with the development sign-in and tick "Network manager".'));
}

/** The explanation for an access error, or null when the error is something else. */
export function accessProblem(error: unknown, what: string): HTMLElement | null {
  if (!(error instanceof ApiError)) return null;
  if (error.has('UNAUTHENTICATED')) return needSignIn(what);
  if (error.has('FORBIDDEN')) return needNetworkManager(what);
  return null;
}
