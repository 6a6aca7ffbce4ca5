// The shell: navigation, who is signed in, and the route table (one line per page).

import './styles.css';
import { h, replaceChildren } from './dom';
import { fallback, route, start } from './router';
import { currentSession, isNetworkManager, onSessionChange, signOut } from './session';
import { pageHeading } from './ui';
import { completeEntraResponse, isEntraResponse } from './entra';
import { searchPage } from './pages/search';
import { personPage } from './pages/person';
import { signInPage } from './pages/signin';
import { myProfilePage } from './pages/profile';
import { networkPage } from './pages/network';
import { coveragePage } from './pages/coverage';
import { teamPage } from './pages/team';
import { invitationsPage } from './pages/invitations';
import { projectLeadsPage } from './pages/project-leads';

route('/', searchPage);
route('/search', searchPage);
route('/person/:id', personPage);
route('/sign-in', signInPage);
route('/me', myProfilePage);
route('/network', networkPage);
route('/coverage', coveragePage);
route('/team', teamPage);
route('/invitations', invitationsPage);
route('/project-leads', projectLeadsPage);
fallback(({ main }) => {
  main.append(pageHeading('Page not found'), h('p', {}, 'There is no page at this address. ', h('a', { href: '#/' }, 'Search experts'), ' instead.'));
});

const navItems: { path: string; text: string; managersOnly?: boolean }[] = [
  { path: '/', text: 'Search experts' },
  { path: '/team', text: 'Team builder' },
  { path: '/network', text: 'Network' },
  // Shown to everyone so it can be found: the page itself says who may see it and how to sign in for it.
  { path: '/coverage', text: 'Coverage' },
  { path: '/invitations', text: 'Invitations' },
  // Only a manager can do anything there, and members have no use for it; its address still explains itself to anyone.
  { path: '/project-leads', text: 'Project leads', managersOnly: true },
  { path: '/me', text: 'My profile' },
];

function drawNav(activePath: string): void {
  const nav = document.getElementById('nav');
  if (!nav) return;
  const manager = isNetworkManager();
  replaceChildren(nav, navItems
    .filter((item) => manager || !item.managersOnly)
    .map((item) => {
      const active = item.path === '/' ? activePath === '/' || activePath === '/search' : activePath.startsWith(item.path);
      return h('li', {}, h('a', { href: `#${item.path}`, ...(active ? { 'aria-current': 'page' } : {}) }, item.text));
    }));
}

function drawSession(): void {
  const slot = document.getElementById('session');
  if (!slot) return;
  const session = currentSession();
  if (!session) {
    // After signing in, back to the page the user was on.
    const here = location.hash && !location.hash.startsWith('#/sign-in') ? location.hash : '';
    replaceChildren(slot, h('a', { className: 'button button--secondary', href: here ? `#/sign-in?return=${encodeURIComponent(here)}` : '#/sign-in' }, 'Sign in'));
    return;
  }
  replaceChildren(slot,
    h('span', { className: 'session-name' }, 'Signed in as ', h('strong', {}, session.name),
      session.development ? h('span', { className: 'badge badge--warning', title: 'Development sign-in: not a real identity' }, 'development') : null,
      session.roles.includes('Admin') ? h('span', { className: 'badge' }, 'administrator')
        : isNetworkManager(session) ? h('span', { className: 'badge' }, 'network manager') : null),
    h('button', { type: 'button', className: 'button button--secondary', onclick: () => { signOut(); location.hash = '#/'; } }, 'Sign out'));
}

let activePath = '/';
onSessionChange(() => { drawSession(); drawNav(activePath); });
drawSession();
const main = document.getElementById('main');
if (main) {
  // In the Entra ID sign-in popup, hand the response to the opener instead of drawing a page.
  if (isEntraResponse()) void completeEntraResponse(main);
  else void start(main, (path) => { activePath = path; drawNav(path); if (!currentSession()) drawSession(); });
}

// The skip link's "#main" would otherwise be read as a route (and show "Page not found"): it moves focus instead.
// (Found by its target: a page may put a skip link of its own before it.)
document.querySelector<HTMLAnchorElement>('a.skip-link[href="#main"]')?.addEventListener('click', (event) => {
  event.preventDefault();
  document.getElementById('main')?.focus();
});
