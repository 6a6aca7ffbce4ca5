// A person's page: profile, skills (deepest first, with evidence and endorsement), organisations, projects,
// similar experts and, when signed in, how the signed-in person is connected to them, plus the invite action.

import { ApiError, gql } from '../api';
import { announce, h, replaceChildren, uid, type Child } from '../dom';
import { inviteAction } from '../invite';
import {
  availabilityLabels, contributionRoleLabels, domainLabels, evidenceLabels, formatDate, label, levelLabels,
  organisationTypeLabels, projectStatusLabels, readable,
} from '../labels';
import type { SkillOption } from '../reference';
import { href, type PageContext } from '../router';
import { currentSession, remember } from '../session';
import { badge, errorBox, loading, organisationDetails, pageHeading, personLink } from '../ui';

const personQuery = `query PersonPage($id: ID!) {
  person(id: $id) {
    id displayName headline bio orcid visibility lastConfirmedAt
    availability { status hoursPerMonth openToCrossOrganisation terms }
    skills { skill { id name domain } level evidence years verified since }
    employments { role primary since until organisation { id name odsCode type integratedCareSystem { name } } }
    contributions { role from to project { id title status methods { id name } } }
  }
  similarExperts(personId: $id, first: 5) {
    node { id displayName headline }
    matchedSkills { skill { id name } level }
    explanation { signal detail contribution }
  }
}`;

const pathQuery = `query HowAmIConnected($from: ID!, $to: ID!) {
  collaborationPath(from: $from, to: $to) {
    length
    people { id displayName headline }
    projects { id title }
  }
}`;

interface PersonSkill {
  skill: SkillOption;
  level: string;
  evidence: string | null;
  years: number | null;
  verified: boolean;
  since: string | null;
}

interface Person {
  id: string;
  displayName: string;
  headline: string | null;
  bio: string | null;
  orcid: string | null;
  visibility: string;
  lastConfirmedAt: string | null;
  availability: { status: string; hoursPerMonth: number | null; openToCrossOrganisation: boolean; terms: string | null };
  skills: PersonSkill[];
  employments: {
    role: string | null; primary: boolean; since: string | null; until: string | null;
    organisation: { id: string; name: string; odsCode: string | null; type: string; integratedCareSystem: { name: string } | null };
  }[];
  contributions: { role: string; from: string | null; to: string | null; project: { id: string; title: string; status: string; methods: { id: string; name: string }[] } }[];
}

interface SimilarExpert {
  node: { id: string; displayName: string; headline: string | null };
  matchedSkills: { skill: { id: string; name: string }; level: string }[];
  explanation: { signal: string; detail: string; contribution: number }[];
}

interface CollaborationPath {
  length: number;
  people: { id: string; displayName: string; headline: string | null }[];
  projects: { id: string; title: string }[];
}

/** Who may see this profile, said about someone else (labels.ts words it for the owner). */
const visibilityForOthers: Record<string, string> = {
  PUBLIC: 'Public: anyone can see this profile',
  NETWORK: 'Network: only signed-in members can see this profile',
  PRIVATE: 'Private: only they and administrators can see this profile',
};

const levelOrder = ['COACH', 'EXPERT', 'PRACTITIONER', 'AWARENESS'];

export async function personPage({ main, params, signal }: PageContext): Promise<void> {
  const id = params.id ?? '';
  main.append(loading('the profile'));

  let data: { person: Person | null; similarExperts: SimilarExpert[] };
  try {
    data = await gql<{ person: Person | null; similarExperts: SimilarExpert[] }>(personQuery, { id }, signal);
  } catch (error) {
    if (signal.aborted) return;
    // A malformed id is just another person that is not there; so is one similarExperts cannot see (NOT_FOUND).
    if (error instanceof ApiError && (error.has('NOT_FOUND') || error.has('BAD_USER_INPUT'))) { notFound(main); return; }
    replaceChildren(main, pageHeading('Person'), errorBox(error, 'The profile could not be loaded'));
    return;
  }
  if (signal.aborted) return;
  const person = data.person;
  if (!person) { notFound(main); return; }

  const session = currentSession();
  const myId = session ? await signedInPersonId(signal) : null;
  if (signal.aborted) return;
  const own = !!myId && myId === person.id;

  const profileSection = h('section', { className: 'card person-profile', 'aria-label': 'Profile' },
    person.headline ? h('p', { className: 'person-headline' }, person.headline) : null,
    person.bio ? h('p', { className: 'person-bio' }, person.bio) : null,
    h('dl', { className: 'facts' },
      fact('Availability', availabilityText(person.availability)),
      person.availability.terms ? fact('Terms', person.availability.terms) : null,
      fact('Cross-organisation work', person.availability.openToCrossOrganisation ? 'Open to working with other organisations' : 'Not open to working with other organisations'),
      person.orcid ? fact('ORCID iD', h('a', { href: `https://orcid.org/${encodeURIComponent(person.orcid)}`, rel: 'noopener noreferrer' }, person.orcid)) : null,
      fact('Visibility', label(visibilityForOthers, person.visibility)),
      fact('Profile last confirmed', person.lastConfirmedAt ? formatDate(person.lastConfirmedAt) : 'Never confirmed')),
    h('p', {}, h('a', { href: href('/network', { around: person.id }) }, 'See their collaboration network')));

  const mainColumn = h('div', { className: 'person-main' },
    skillsSection(person, !!session && !own),
    organisationsSection(person),
    projectsSection(person));
  const aside = h('div', { className: 'person-aside' });

  replaceChildren(main, 
    pageHeading(person.displayName),
    own ? h('div', { className: 'notice' }, 'This is your own profile, as others see it. ', h('a', { href: '#/me' }, 'Edit it on My profile'), '.') : null,
    profileSection,
    h('div', { className: 'two-columns person-columns' }, mainColumn, aside));

  if (session && !own) {
    const pathBody = h('div', {}, myId ? loading('the connection') : h('p', {}, 'Your own profile could not be found, so the connection cannot be traced.'));
    aside.append(h('section', { className: 'card', 'aria-labelledby': 'connected-heading' },
      h('h2', { id: 'connected-heading' }, 'How am I connected?'), pathBody));
    aside.append(h('section', { className: 'card', 'aria-labelledby': 'invite-heading' },
      h('h2', { id: 'invite-heading' }, 'Invite to design work'),
      inviteAction(person, person.skills.slice(0, 3).map((s) => s.skill))));
    if (myId) void drawPath(pathBody, myId, person, signal);
  }
  aside.append(similarSection(data.similarExperts));
}

function notFound(main: HTMLElement): void {
  const signedIn = !!currentSession();
  replaceChildren(main, 
    pageHeading('There is no person with that id that you may see'),
    h('p', {}, 'The address may be mistyped, the profile may have been deleted, or its owner may have chosen to show it only to some people.'),
    signedIn ? null : h('p', {}, 'Some profiles are shown only to signed-in members: ', h('a', { href: `#/sign-in?return=${encodeURIComponent(location.hash)}` }, 'sign in'), ' and try again.'),
    h('p', {}, h('a', { href: '#/' }, 'Search experts'), ' instead.'));
}

/** The signed-in person's id: kept with the session, or asked of the API once and remembered. */
async function signedInPersonId(signal: AbortSignal): Promise<string | null> {
  const session = currentSession();
  if (!session) return null;
  if (session.personId) return session.personId;
  try {
    const data = await gql<{ me: { id: string } }>(`query MyId { me { id } }`, {}, signal);
    remember(data.me.id);
    return data.me.id;
  } catch {
    return null;
  }
}

function fact(term: string, value: Child): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, value)];
}

function availabilityText(a: Person['availability']): string {
  const status = label(availabilityLabels, a.status);
  return a.hoursPerMonth !== null && a.status !== 'NOT_AVAILABLE' ? `${status}, about ${a.hoursPerMonth} hours a month` : status;
}

function dateRange(from: string | null, to: string | null): string {
  if (from && to) return `${formatDate(from)} to ${formatDate(to)}`;
  if (from) return `since ${formatDate(from)}`;
  if (to) return `until ${formatDate(to)}`;
  return '';
}

function skillsSection(person: Person, canEndorse: boolean): HTMLElement {
  const section = h('section', { className: 'card', 'aria-labelledby': 'skills-heading' }, h('h2', { id: 'skills-heading' }, 'Skills'));
  if (!person.skills.length) {
    section.append(h('p', { className: 'muted' }, 'No skills listed yet.'));
    return section;
  }
  // Grouped by level, deepest first; within a level, the API's order.
  for (const level of [...levelOrder, ...new Set(person.skills.map((s) => s.level).filter((l) => !levelOrder.includes(l)))]) {
    const skills = person.skills.filter((s) => s.level === level);
    if (!skills.length) continue;
    section.append(h('h3', {}, label(levelLabels, level)),
      h('ul', { className: 'person-skills' }, skills.map((s) => skillItem(person, s, canEndorse))));
  }
  return section;
}

function skillItem(person: Person, s: PersonSkill, canEndorse: boolean): HTMLElement {
  const details = [
    label(domainLabels, s.skill.domain),
    s.evidence ? `Evidence: ${label(evidenceLabels, s.evidence)}` : 'Self-declared',
    s.years !== null ? `${s.years} year${s.years === 1 ? '' : 's'}` : null,
  ].filter(Boolean).join(' · ');
  const item = h('li', {},
    h('span', { className: 'person-skill-name' }, s.skill.name),
    s.verified ? badge('verified', 'verified') : null,
    h('span', { className: 'person-skill-details' }, details));
  if (canEndorse) {
    const status = h('span', { className: 'endorse-status', role: 'status' });
    const button = h('button', { type: 'button', className: 'button button--secondary button--small' },
      'Endorse', h('span', { className: 'visually-hidden' }, ` ${s.skill.name}`));
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.classList.remove('field-error');
      replaceChildren(status, 'Endorsing…');
      try {
        await gql(`mutation EndorseSkill($personId: ID!, $skillId: ID!) { endorseSkill(personId: $personId, skillId: $skillId) { id } }`,
          { personId: person.id, skillId: s.skill.id });
        button.remove();
        replaceChildren(status, `You endorsed ${person.displayName}'s ${s.skill.name}.`);
      } catch (error) {
        button.disabled = false;
        status.classList.add('field-error');
        const message = error instanceof ApiError ? error.details.map((d) => d.message).join(' ') : 'The endorsement did not work.';
        replaceChildren(status, h('span', { className: 'visually-hidden' }, 'Error: '), message);
        announce(message);
      }
    });
    item.append(h('span', { className: 'endorse' }, button, status));
  }
  return item;
}

function organisationsSection(person: Person): HTMLElement {
  const current = person.employments.filter((e) => !e.until);
  const past = person.employments.filter((e) => e.until);
  const list = (items: Person['employments']) => h('ul', { className: 'plain-list' }, items.map((e) => h('li', {},
    h('strong', {}, e.organisation.name), e.primary && !e.until ? badge('primary') : null,
    h('br', {}),
    [e.role, organisationDetails(e.organisation, organisationTypeLabels), dateRange(e.since, e.until)]
      .filter(Boolean).join(' · '))));
  return h('section', { className: 'card', 'aria-labelledby': 'organisations-heading' },
    h('h2', { id: 'organisations-heading' }, 'Organisations'),
    person.employments.length ? null : h('p', { className: 'muted' }, 'No organisations listed.'),
    current.length ? [h('h3', {}, 'Current'), list(current)] : null,
    past.length ? [h('h3', {}, 'Past'), list(past)] : null);
}

function projectsSection(person: Person): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': 'projects-heading' },
    h('h2', { id: 'projects-heading' }, 'Projects'),
    person.contributions.length
      ? h('ul', { className: 'plain-list' }, person.contributions.map((c) => h('li', {},
        h('strong', {}, c.project.title), badge(label(projectStatusLabels, c.project.status)),
        h('br', {}),
        [label(contributionRoleLabels, c.role), dateRange(c.from, c.to)].filter(Boolean).join(' · '),
        c.project.methods.length ? h('span', { className: 'muted person-methods' }, `Methods: ${c.project.methods.map((m) => m.name).join(', ')}`) : null)))
      : h('p', { className: 'muted' }, 'No projects recorded yet.'));
}

function similarSection(similar: SimilarExpert[]): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': 'similar-heading' },
    h('h2', { id: 'similar-heading' }, 'Similar experts'),
    similar.length
      ? h('ul', { className: 'plain-list' }, similar.map((m) => h('li', {},
        personLink(m.node),
        m.node.headline ? h('span', { className: 'muted person-similar-headline' }, m.node.headline) : null,
        m.matchedSkills.length ? h('ul', { className: 'skill-list', 'aria-label': 'Skills in common' }, m.matchedSkills.map((s) => h('li', {}, `${s.skill.name} · ${label(levelLabels, s.level)}`))) : null,
        h('p', { className: 'person-reason' }, shortReason(m)))))
      : h('p', { className: 'muted' }, 'Nobody with similar skills was found.'));
}

/** One line saying why: skills shared, and the shared domains in plain words. */
function shortReason(match: SimilarExpert): string {
  const parts: string[] = [];
  const n = match.matchedSkills.length;
  if (n) parts.push(`Shares ${n} skill${n === 1 ? '' : 's'}`);
  const domains = match.explanation.find((r) => r.signal === 'SHARED_DOMAINS');
  if (domains) {
    const named = Object.keys(domainLabels).filter((d) => domains.detail.includes(d)).map((d) => label(domainLabels, d).toLowerCase());
    if (named.length) parts.push(`works in ${named.join(', ')}`);
  }
  return parts.length ? `${parts.join('; ')}.` : readable(match.explanation[0]?.detail ?? '');
}

async function drawPath(body: HTMLElement, myId: string, person: Person, signal: AbortSignal): Promise<void> {
  try {
    const data = await gql<{ collaborationPath: CollaborationPath | null }>(pathQuery, { from: myId, to: person.id }, signal);
    if (signal.aborted) return;
    const path = data.collaborationPath;
    if (!path) {
      replaceChildren(body, h('p', {}, `There is no chain of shared projects from you to ${person.displayName} within 6 introductions.`));
      return;
    }
    const listId = uid('path');
    const steps: HTMLElement[] = [];
    path.people.forEach((p, i) => {
      const who = i === 0 ? h('strong', {}, 'You') : i === path.people.length - 1 ? h('strong', {}, p.displayName) : personLink(p);
      steps.push(h('li', { className: 'path-person' }, who, p.headline && i > 0 ? h('span', { className: 'muted' }, p.headline) : null));
      const project = path.projects[i];
      if (i < path.people.length - 1 && project) {
        steps.push(h('li', { className: 'path-project' }, h('span', { className: 'muted' }, h('span', { 'aria-hidden': 'true' }, '↓ '), 'worked together on '), project.title));
      }
    });
    const introductions = path.length === 1 ? 'You have worked together directly.' : `${path.length} introductions away: ${path.length - 1} ${path.length - 1 === 1 ? 'person' : 'people'} between you.`;
    replaceChildren(body,
      h('p', { id: listId }, introductions),
      h('ol', { className: 'path-chain', 'aria-labelledby': listId }, steps));
  } catch (error) {
    if (signal.aborted) return;
    replaceChildren(body, errorBox(error, 'The connection could not be traced'));
  }
}
