// Team builder: pick the skills a piece of design work needs (and optionally an ICS), get a proposed team spread
// over organisations, with what each member covers and why any skill is left uncovered. The address holds the
// choice (?skill=..&skill=..&ics=..&size=..&cross=0), so a proposal can be shared; each member can be invited.

import { ApiError, gql, type ApiErrorDetail } from '../api';
import { announce, h, replaceChildren, uid } from '../dom';
import { inviteAction } from '../invite';
import { availabilityLabels, label, levelLabels, organisationTypeLabels } from '../labels';
import { integratedCareSystems, skillsById, type IcsOption, type SkillOption } from '../reference';
import { newestOnly, recordQuery, type PageContext } from '../router';
import { currentSession } from '../session';
import { skillPicker } from '../skillpicker';
import { badge, clearFormErrors, errorBox, formErrorSlot, headlineAndOrganisation, loading, pageHeading, personLink, showFormErrors } from '../ui';

const teamQuery = `query AssembleTeam($skillIds: [ID!]!, $icsId: ID, $size: Int, $crossOrganisation: Boolean) {
  assembleTeam(skillIds: $skillIds, icsId: $icsId, size: $size, crossOrganisation: $crossOrganisation) {
    organisationCount
    members { person { id displayName headline availability { status openToCrossOrganisation } } covers { id name domain } coverage { skill { id } heldSkill { name } throughNarrower level } organisation { id name odsCode type integratedCareSystem { name } } }
    uncovered { skill { id name } reason }
  }
}`;

interface TeamProposal {
  organisationCount: number;
  members: { person: { id: string; displayName: string; headline: string | null; availability: { status: string; openToCrossOrganisation: boolean } }; covers: SkillOption[]; coverage: Cover[]; organisation: { id: string; name: string; odsCode: string | null; type: string; integratedCareSystem: { name: string } | null } | null }[];
  uncovered: { skill: { id: string; name: string }; reason: string }[];
}

/** How a member covers one required skill: at what level, and through which narrower skill if not the skill itself. */
interface Cover { skill: { id: string }; heldSkill: { name: string }; throughNarrower: boolean; level: string }

interface TeamState { skills: string[]; ics: string; size: number; cross: boolean }

const maxSkills = 20;
const maxSize = 20;

function stateFrom(query: URLSearchParams): TeamState {
  const size = Number(query.get('size') ?? '5');
  return {
    skills: query.getAll('skill').slice(0, maxSkills),
    ics: query.get('ics') ?? '',
    size: Number.isInteger(size) && size >= 1 && size <= maxSize ? size : 5,
    cross: query.get('cross') !== '0',
  };
}

function queryOf(state: TeamState): Record<string, string | string[]> {
  return { skill: state.skills, ics: state.ics, size: state.size === 5 ? '' : String(state.size), cross: state.cross ? '' : '0' };
}

export async function teamPage({ main, query, signal }: PageContext): Promise<void> {
  let state = stateFrom(query);
  const nextRequest = newestOnly(signal);

  const picker = skillPicker({ label: 'Skills the team needs', name: 'skillIds', max: maxSkills, hint: `Choose 1 to ${maxSkills} skills from the taxonomy.` });
  const icsSelect = h('select', { id: uid('team-ics'), name: 'icsId', 'aria-describedby': 'team-ics-hint' }, h('option', { value: '' }, 'Any ICS'));
  const sizeInput = h('input', { type: 'number', id: uid('team-size'), name: 'size', min: '1', max: String(maxSize), step: '1', inputmode: 'numeric', value: String(state.size), className: 'input--short', 'aria-describedby': 'team-size-hint' });
  const crossBox = h('input', { type: 'checkbox', id: uid('team-cross'), name: 'crossOrganisation', ...(state.cross ? { checked: true } : {}) });

  const form = h('form', { className: 'card team-form', novalidate: true, 'aria-label': 'Team needs' },
    formErrorSlot(),
    picker.element,
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field field--ics' },
        h('label', { for: icsSelect.id }, 'Integrated Care System (optional)'),
        h('span', { className: 'hint', id: 'team-ics-hint' }, 'Only people working in this ICS.'),
        icsSelect),
      h('div', { className: 'field' },
        h('label', { for: sizeInput.id }, 'Team size'),
        h('span', { className: 'hint', id: 'team-size-hint' }, `At most this many people, 1 to ${maxSize}.`),
        sizeInput)),
    h('div', { className: 'field' },
      h('div', { className: 'checkbox' }, crossBox, h('label', { for: crossBox.id }, 'Spread over at least two organisations')),
      h('span', { className: 'hint' }, 'Where possible; people open to cross-organisation work are preferred either way.')),
    h('button', { type: 'submit', className: 'button' }, 'Propose a team'));

  const resultsHeading = h('h2', { id: 'team-results-heading', tabindex: '-1' }, 'Proposed team');
  const resultsBody = h('div', { 'aria-busy': 'false' });
  const results = h('section', { 'aria-labelledby': resultsHeading.id, hidden: true }, resultsHeading, resultsBody);

  main.append(pageHeading('Team builder'),
    h('p', { className: 'lead' }, 'Name the skills a piece of ICS design work needs; the builder proposes people who cover them at the deepest levels available, preferring people who are available and open to working across organisations.'),
    form, results);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const next: TeamState = { skills: picker.selected().map((s) => s.id), ics: icsSelect.value, size: Number(sizeInput.value), cross: crossBox.checked };
    const problems: ApiErrorDetail[] = [];
    if (next.skills.length < 1) problems.push({ field: 'skillIds', code: 'BAD_USER_INPUT', message: 'Choose at least one skill the team needs.' });
    if (!sizeInput.value.trim() || !Number.isInteger(next.size) || next.size < 1 || next.size > maxSize) {
      problems.push({ field: 'size', code: 'BAD_USER_INPUT', message: `Team size must be a whole number from 1 to ${maxSize}.` });
    }
    if (problems.length) { showFormErrors(form, new ApiError(problems, 400)); return; }
    state = next;
    recordQuery('/team', queryOf(state), true);
    void run(true);
  });

  async function run(focusResults: boolean): Promise<void> {
    if (signal.aborted) return; // the user has left the page
    const answer = nextRequest();
    results.hidden = false;
    resultsBody.setAttribute('aria-busy', 'true');
    replaceChildren(resultsBody, loading('a proposed team'));
    try {
      const data = await gql<{ assembleTeam: TeamProposal }>(teamQuery,
        { skillIds: state.skills, icsId: state.ics || null, size: state.size, crossOrganisation: state.cross }, answer);
      if (answer.aborted) return;
      drawProposal(data.assembleTeam);
      if (focusResults) resultsHeading.focus();
    } catch (error) {
      if (answer.aborted) return;
      // Field errors (skillIds, size, icsId) go beside the fields; anything else above the results.
      if (error instanceof ApiError && error.details.some((d) => d.field)) {
        results.hidden = true;
        showFormErrors(form, error);
      } else {
        replaceChildren(resultsBody, errorBox(error, 'No team could be proposed'));
      }
    } finally {
      resultsBody.setAttribute('aria-busy', 'false');
    }
  }

  function drawProposal(team: TeamProposal): void {
    const wanted = state.skills.length;
    const covered = wanted - team.uncovered.length;
    const people = team.members.length;
    const summary = people === 0
      ? 'No one could be proposed for these skills.'
      : `${people} ${people === 1 ? 'person' : 'people'} from ${team.organisationCount} ${team.organisationCount === 1 ? 'organisation' : 'organisations'}, covering ${covered} of ${wanted} ${wanted === 1 ? 'skill' : 'skills'}.`;
    announce(summary);
    const signedIn = !!currentSession();
    const proposedIcs = state.ics || undefined;

    replaceChildren(resultsBody,
      h('p', { className: 'result-count' }, summary),
      state.cross && people > 1 && team.organisationCount < 2
        ? h('p', { className: 'notice notice--warning' }, 'Everyone proposed works for the same organisation: no one suitable elsewhere could be found.')
        : null,
      !signedIn && people > 0
        ? h('p', { className: 'notice' }, h('a', { href: `#/sign-in?return=${encodeURIComponent(location.hash)}` }, 'Sign in'), ' to invite these people to design work.')
        : null,
      people > 0 ? h('ul', { className: 'results team-members' }, team.members.map((member) => h('li', { className: 'result' },
        h('h3', {}, personLink(member.person)),
        h('p', { className: 'result-meta' }, headlineAndOrganisation(member.person.headline, member.organisation, organisationTypeLabels),
          badge(label(availabilityLabels, member.person.availability.status), member.person.availability.status === 'OPEN' ? 'verified' : member.person.availability.status === 'NOT_AVAILABLE' ? 'warning' : ''),
          member.person.availability.openToCrossOrganisation ? badge('Open to cross-organisation work') : badge('Own organisation only')),
        h('p', { className: 'covers-label', id: `covers-${member.person.id}` }, 'Covers:'),
        h('ul', { className: 'skill-list', 'aria-labelledby': `covers-${member.person.id}` }, member.covers.map((skill) => h('li', {}, skill.name, coverWords(member.coverage.find((c) => c.skill.id === skill.id))))),
        signedIn ? inviteAction(member.person, member.covers, proposedIcs ? { icsId: proposedIcs } : {}) : null))) : null,
      team.uncovered.length ? h('section', { 'aria-labelledby': 'uncovered-heading', className: 'card uncovered' },
        h('h3', { id: 'uncovered-heading' }, `Skills not covered (${team.uncovered.length})`),
        h('ul', {}, team.uncovered.map((u) => h('li', {}, h('strong', {}, u.skill.name), `: ${u.reason}`)))) : null);
  }

  // First draw: the ICS list and the names of the skills in the address, then the proposal it asks for.
  let systems: IcsOption[] = [];
  try {
    const [list, chosen] = await Promise.all([integratedCareSystems(), skillsById(state.skills, signal)]);
    systems = list;
    picker.set(chosen);
  } catch (error) {
    if (signal.aborted) return;
    form.before(errorBox(error, 'The skill and ICS lists could not be loaded'));
  }
  if (signal.aborted) return;
  replaceChildren(icsSelect, h('option', { value: '' }, 'Any ICS'),
    systems.map((ics) => h('option', { value: ics.id, ...(ics.id === state.ics ? { selected: true } : {}) }, ics.name)));
  if (state.skills.length) await run(false);
}

/** " · Expert", or " · Coach, through Kaizen" where a narrower skill gives the cover. */
function coverWords(cover: Cover | undefined): string {
  if (!cover) return '';
  return ` · ${label(levelLabels, cover.level)}${cover.throughNarrower ? `, through ${cover.heldSkill.name}` : ''}`;
}
