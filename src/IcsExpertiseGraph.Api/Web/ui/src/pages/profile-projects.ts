// My profile's projects: the projects you work on (leads can add people and hand the lead over), what waits for a
// decision (your own requests and additions of you; requests to join projects you lead), joining a project found by
// typing part of its title or host organisation, and creating one. Joining needs the lead's consent: until then a
// request shows only here, to you and to the project's leads.

import { ApiError, gql } from '../api';
import { announce, h, replaceChildren, uid, type Child } from '../dom';
import { contributionRoleLabels, formatDate, label, projectStatusLabels } from '../labels';
import { skillPicker } from '../skillpicker';
import { wireSuggestions } from '../suggestions';
import { clearFormErrors, formErrorSlot, showFormErrors } from '../ui';

interface ProjectRef { id: string; title: string; status: string; startDate: string | null; endDate: string | null; hostOrganisation: { name: string } | null }
interface Contribution { role: string; from: string | null; to: string | null; project: ProjectRef }
interface JoinRequest { kind: 'REQUEST' | 'ADDITION'; displayName: string; role: string; from: string | null; to: string | null; requestedAt: string; person: { id: string } | null; project: ProjectRef }
interface Employment { until: string | null; organisation: { id: string; name: string } }

/** What the section shows, read together so it is one consistent picture; version and lastConfirmedAt keep the profile form's meta current. */
export interface ProjectsState {
  id: string;
  version: number;
  lastConfirmedAt: string | null;
  employments: Employment[];
  contributions: Contribution[];
  joinRequests: JoinRequest[];
  joinRequestsToDecide: JoinRequest[];
}

const projectFields = `id title status startDate endDate hostOrganisation { name }`;
// Plain text, not built from projectFields: the test that checks the pages' documents splices in constants only one level deep.
const requestFields = `kind displayName role from to requestedAt person { id } project { id title status startDate endDate hostOrganisation { name } }`;
const stateQuery = `query MyProjects { me { id version lastConfirmedAt employments { until organisation { id name } }
  contributions { role from to project { ${projectFields} } }
  joinRequests { ${requestFields} } joinRequestsToDecide { ${requestFields} } } }`;

/** Roles anyone may ask for or be added in: the lead role is handed over, never asked for. */
const joiningRoles = ['MEMBER', 'SPONSOR', 'COACH', 'ADVISOR'];

const contributionFieldNames: Record<string, string> = { projectId: 'projectId', 'input.projectId': 'projectId', role: 'role', from: 'from', to: 'to', 'input.from': 'from', 'input.to': 'to' };
const projectFieldNames: Record<string, string> = {
  title: 'title', aim: 'aim', status: 'status', startDate: 'startDate', endDate: 'endDate', hostOrganisationId: 'hostOrganisationId', methodSkillIds: 'methodSkillIds', outcomeSummary: 'outcomeSummary',
};

/** "Active · 3 Feb 2025 to 1 Jun 2026 · Leeds Teaching Hospitals": what tells projects with the same title apart. */
export function projectDetails(p: ProjectRef): string {
  const dates = p.startDate || p.endDate ? `${formatDate(p.startDate) || '…'} to ${formatDate(p.endDate) || 'now'}` : 'no dates';
  return [label(projectStatusLabels, p.status), dates, p.hostOrganisation ? `hosted by ${p.hostOrganisation.name}` : 'no host organisation'].join(' · ');
}

function period(from: string | null, to: string | null): string | null {
  return from || to ? `${formatDate(from) || '…'} to ${formatDate(to) || 'now'}` : null;
}

export async function loadProjectsState(signal?: AbortSignal): Promise<ProjectsState> {
  return (await gql<{ me: ProjectsState }>(stateQuery, {}, signal)).me;
}

/**
 * The Projects card. <paramref name="onChanged"> hears every new state (its version is the profile's, which joining or
 * leaving a project moves on).
 */
export function projectsSection(initial: ProjectsState, onChanged: (state: ProjectsState) => void): { element: HTMLElement; refresh: () => Promise<void> } {
  let state = initial;
  const heading = h('h2', { id: 'my-projects-heading', tabindex: '-1' }, 'Projects');
  const notice = h('div', {});
  const body = h('div', {});

  const say = (text: string, kind: 'success' | 'warning' = 'success') => {
    replaceChildren(notice, h('p', { className: `notice notice--${kind}`, role: 'status' }, text));
    announce(text);
  };

  const refresh = async () => {
    state = await loadProjectsState();
    onChanged(state);
    draw();
  };

  /** Runs an action from a button: disables it, says what happened, refreshes the section; an error stays beside the button. */
  const act = (button: HTMLButtonElement, status: HTMLElement, run: () => Promise<unknown>, done: string) => {
    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = '';
      try {
        await run();
        say(done);
        await refresh();
        heading.focus();
      } catch (error) {
        button.disabled = false;
        status.classList.add('field-error');
        status.textContent = error instanceof Error ? error.message : String(error);
      }
    });
  };

  const decide = (projectId: string, personId: string, decision: 'APPROVE' | 'DECLINE') =>
    gql(`mutation DecideJoinRequest($projectId: ID!, $personId: ID!, $decision: JoinDecision!) { decideJoinRequest(projectId: $projectId, personId: $personId, decision: $decision) { id } }`,
      { projectId, personId, decision });

  const button = (text: string, hidden: string, secondary = true) =>
    h('button', { type: 'button', className: `button button--small${secondary ? ' button--secondary' : ''}` }, text, h('span', { className: 'visually-hidden' }, ` ${hidden}`));

  function mine(): HTMLElement {
    if (!state.contributions.length) return h('p', { className: 'muted' }, 'You are not shown on any project yet.');
    return h('ul', { className: 'plain-list my-projects' }, state.contributions.map((c) => {
      const status = h('span', { className: 'endorse-status', role: 'status' });
      const remove = button('Leave', `${c.project.title}`);
      act(remove, status, () => gql(`mutation RemoveMyContribution($projectId: ID!) { removeMyContribution(projectId: $projectId) { id } }`, { projectId: c.project.id }),
        `You left ${c.project.title}.`);
      return h('li', {},
        h('strong', {}, c.project.title), ' ', h('span', { className: 'badge' }, label(contributionRoleLabels, c.role)),
        h('br', {}), h('span', { className: 'hint' }, [projectDetails(c.project), period(c.from, c.to) ? `your part: ${period(c.from, c.to)}` : null].filter(Boolean).join(' · ')),
        h('span', { className: 'endorse' }, remove, status),
        c.role === 'LEAD' ? leadTools(c.project) : null);
    }));
  }

  /** A lead's tools for one project: add someone (they confirm), hand the lead to a confirmed contributor. */
  function leadTools(project: ProjectRef): HTMLElement {
    const add = addPersonForm(project, async (text) => { say(text); await refresh(); heading.focus(); });
    const handOver = handOverForm(project, async (text) => { say(text); await refresh(); heading.focus(); });
    return h('div', { className: 'lead-tools' }, add, handOver);
  }

  function waiting(): Child {
    if (!state.joinRequests.length) return null;
    return [h('h3', {}, 'Waiting for a decision'), h('ul', { className: 'plain-list pending-requests' }, state.joinRequests.map((r) => {
      const status = h('span', { className: 'endorse-status', role: 'status' });
      if (r.kind === 'REQUEST') {
        const withdraw = button('Withdraw request', `to join ${r.project.title}`);
        act(withdraw, status, () => decide(r.project.id, state.id, 'DECLINE'), `You withdrew your request to join ${r.project.title}.`);
        return h('li', {}, h('strong', {}, r.project.title), ' ', h('span', { className: 'badge badge--pending' }, 'Pending'),
          h('br', {}), `You asked to join as ${label(contributionRoleLabels, r.role)} on ${formatDate(r.requestedAt)}: waiting for the project's lead to approve. Only you and its leads see it until then.`,
          h('br', {}), h('span', { className: 'hint' }, projectDetails(r.project)),
          h('span', { className: 'endorse' }, withdraw, status));
      }
      const confirm = button('Confirm', `joining ${r.project.title}`, false);
      const decline = button('Decline', `joining ${r.project.title}`);
      act(confirm, status, () => decide(r.project.id, state.id, 'APPROVE'), `You joined ${r.project.title}.`);
      act(decline, status, () => decide(r.project.id, state.id, 'DECLINE'), `You declined joining ${r.project.title}.`);
      return h('li', {}, h('strong', {}, r.project.title), ' ', h('span', { className: 'badge badge--pending' }, 'Needs your answer'),
        h('br', {}), `A lead of this project added you as ${label(contributionRoleLabels, r.role)}. Confirm to be shown as one of its contributors.`,
        h('br', {}), h('span', { className: 'hint' }, projectDetails(r.project)),
        h('span', { className: 'endorse' }, confirm, decline, status));
    }))];
  }

  function toDecide(): Child {
    if (!state.joinRequestsToDecide.length) return null;
    return [h('h3', {}, 'Requests to decide'), h('ul', { className: 'plain-list requests-to-decide' }, state.joinRequestsToDecide.map((r) => {
      const status = h('span', { className: 'endorse-status', role: 'status' });
      const who = r.person ? h('a', { href: `#/person/${encodeURIComponent(r.person.id)}` }, r.displayName) : r.displayName;
      const personId = r.person?.id;
      const what = [label(contributionRoleLabels, r.role), period(r.from, r.to)].filter(Boolean).join(', ');
      if (!personId) return h('li', {}, who, ` asks to join ${r.project.title} as ${what}.`);
      if (r.kind === 'REQUEST') {
        const approve = button('Approve', `${r.displayName} joining ${r.project.title}`, false);
        const decline = button('Decline', `${r.displayName} joining ${r.project.title}`);
        act(approve, status, () => decide(r.project.id, personId, 'APPROVE'), `${r.displayName} joined ${r.project.title}.`);
        act(decline, status, () => decide(r.project.id, personId, 'DECLINE'), `You declined ${r.displayName}'s request to join ${r.project.title}.`);
        return h('li', {}, who, ` asks to join `, h('strong', {}, r.project.title), ` as ${what}.`,
          h('br', {}), h('span', { className: 'hint' }, `Asked on ${formatDate(r.requestedAt)}`),
          h('span', { className: 'endorse' }, approve, decline, status));
      }
      const withdraw = button('Withdraw', `adding ${r.displayName} to ${r.project.title}`);
      act(withdraw, status, () => decide(r.project.id, personId, 'DECLINE'), `You withdrew adding ${r.displayName} to ${r.project.title}.`);
      return h('li', {}, who, ' was added to ', h('strong', {}, r.project.title), ` as ${what}: waiting for them to confirm.`,
        h('span', { className: 'endorse' }, withdraw, status));
    }))];
  }

  function draw(): void {
    replaceChildren(body, h('h3', {}, 'Your projects'), mine(), waiting(), toDecide());
  }

  draw();
  const join = joinForm(async (text) => { say(text); await refresh(); heading.focus(); });
  const create = createForm(() => state.employments, async (text) => { say(text); await refresh(); heading.focus(); });
  const element = h('section', { className: 'card', 'aria-labelledby': 'my-projects-heading' }, heading, notice, body, join, create);
  return { element, refresh };
}

/**
 * A project picker: type part of a title or host organisation, choose from what matches (each shown with its host,
 * status and dates, so projects with the same title can be told apart).
 */
function projectPicker(name: string): { element: HTMLElement; input: HTMLInputElement; chosen(): ProjectRef | null; clear(): void } {
  const inputId = uid('project-search');
  const hintId = `${inputId}-hint`;
  let chosen: ProjectRef | null = null;
  let pending: AbortController | null = null;
  let timer = 0;
  const input = h('input', { type: 'search', id: inputId, name, autocomplete: 'off', 'aria-describedby': hintId, placeholder: 'e.g. "falls" or "Leeds"' });
  const results = h('ul', { className: 'suggestions project-results', hidden: true, 'aria-label': 'Matching projects' });
  const selection = h('p', { className: 'chosen-project', hidden: true });
  const status = h('span', { className: 'visually-hidden', 'aria-live': 'polite' });

  const choose = (project: ProjectRef) => {
    chosen = project;
    results.hidden = true;
    input.value = project.title;
    replaceChildren(selection, 'Chosen: ', h('strong', {}, project.title), ` (${projectDetails(project)})`);
    selection.hidden = false;
    announce(`Chosen: ${project.title}`);
    input.focus();
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    if (chosen && input.value !== chosen.title) { chosen = null; selection.hidden = true; }
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      pending?.abort();
      if (text.length < 2) { results.hidden = true; return; }
      pending = new AbortController();
      try {
        const data = await gql<{ projects: { totalCount: number; nodes: ProjectRef[] } }>(
          `query FindProjects($query: String!) { projects(first: 10, filter: { query: $query }) { totalCount nodes { ${projectFields} } } }`, { query: text }, pending.signal);
        replaceChildren(results, data.projects.nodes.map((p) => h('li', {},
          h('button', { type: 'button', onclick: () => choose(p) }, h('span', { className: 'project-title' }, p.title), h('span', { className: 'facet-count' }, ` · ${projectDetails(p)}`)))),
        data.projects.totalCount > data.projects.nodes.length ? h('li', { className: 'hint' }, `${data.projects.totalCount - data.projects.nodes.length} more: type more of the title to narrow them down.`) : null);
        results.hidden = data.projects.totalCount === 0;
        status.textContent = data.projects.totalCount
          ? `${data.projects.totalCount} matching ${data.projects.totalCount === 1 ? 'project' : 'projects'}; press Down to choose`
          : 'No project matches';
      } catch { /* typing on cancels the previous lookup */ }
    }, 200);
  });
  wireSuggestions(input, results);

  const element = h('div', { className: 'field project-picker' },
    h('label', { for: inputId }, 'Project'),
    h('span', { className: 'hint', id: hintId }, 'Type part of its title or host organisation, then choose it from the list.'),
    input, results, selection, status);
  return { element, input, chosen: () => chosen, clear: () => { chosen = null; input.value = ''; selection.hidden = true; results.hidden = true; } };
}

function roleSelect(id: string): HTMLSelectElement {
  // Member first and chosen: most people join as members; nobody asks to be the lead.
  return h('select', { id, name: 'role' }, joiningRoles.map((r) => h('option', { value: r }, label(contributionRoleLabels, r))));
}

function dateField(id: string, text: string, input: HTMLInputElement): HTMLElement {
  return h('div', { className: 'field' }, h('label', { for: id }, text), input);
}

/** Ask to join a project you worked on: a request until its lead approves. */
function joinForm(onDone: (text: string) => Promise<void>): HTMLElement {
  const picker = projectPicker('projectId');
  const roleId = uid('role');
  const fromId = uid('from');
  const toId = uid('to');
  const role = roleSelect(roleId);
  const from = h('input', { type: 'date', id: fromId, name: 'from' });
  const to = h('input', { type: 'date', id: toId, name: 'to' });
  const save = h('button', { type: 'submit', className: 'button' }, 'Ask to join');
  const form = h('form', { className: 'skill-form', noValidate: true, 'aria-labelledby': 'join-project-heading' },
    h('h3', { id: 'join-project-heading' }, 'Join a project you worked on'),
    h('p', { className: 'hint' }, 'The project\'s lead approves your request before you are shown as one of its contributors.'),
    formErrorSlot(),
    picker.element,
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field' }, h('label', { for: roleId }, 'Your role'), role),
      dateField(fromId, 'From (optional)', from),
      dateField(toId, 'To (optional)', to)),
    save);
  const details = h('details', { className: 'add-project' }, h('summary', {}, 'Join a project'), form);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const project = picker.chosen();
    // Every problem at once: what the page can tell by itself, and the rest from the service, which reports every field.
    const local = [
      ...(project ? [] : [{ message: 'Choose a project from the list.', code: 'BAD_USER_INPUT', field: 'projectId' }]),
      ...(from.value && to.value && from.value > to.value ? [{ message: 'From must not be after To.', code: 'BAD_USER_INPUT', field: 'from' }] : []),
    ];
    if (local.length) { showFormErrors(form, new ApiError(local, 0), contributionFieldNames); return; }
    save.disabled = true;
    try {
      await gql(`mutation AddMyContribution($input: ContributionInput!) { addMyContribution(input: $input) { id } }`,
        { input: { projectId: project!.id, role: role.value, from: from.value || null, to: to.value || null } });
      picker.clear();
      from.value = '';
      to.value = '';
      role.value = 'MEMBER';
      await onDone(`You asked to join ${project!.title}. It shows under "Waiting for a decision" until its lead approves.`);
    } catch (error) {
      showFormErrors(form, error, contributionFieldNames);
    } finally {
      save.disabled = false;
    }
  });
  return details;
}

/** Create a project: you lead it. */
function createForm(employments: () => Employment[], onDone: (text: string) => Promise<void>): HTMLElement {
  const ids = { title: uid('title'), aim: uid('aim'), status: uid('status'), start: uid('start'), end: uid('end'), host: uid('host') };
  const title = h('input', { type: 'text', id: ids.title, name: 'title', 'aria-describedby': `${ids.title}-hint` });
  const aim = h('textarea', { id: ids.aim, name: 'aim', rows: 3 });
  const status = h('select', { id: ids.status, name: 'status' }, Object.keys(projectStatusLabels).map((s) => h('option', { value: s }, label(projectStatusLabels, s))));
  status.value = 'ACTIVE';
  const start = h('input', { type: 'date', id: ids.start, name: 'startDate' });
  const end = h('input', { type: 'date', id: ids.end, name: 'endDate' });
  const host = h('select', { id: ids.host, name: 'hostOrganisationId' });
  const methods = skillPicker({ label: 'Methods used (optional)', name: 'methodSkillIds', hint: 'The quality-improvement methods the project uses, e.g. "PDSA" or "run charts".' });
  const save = h('button', { type: 'submit', className: 'button' }, 'Create project');
  const form = h('form', { className: 'skill-form', noValidate: true, 'aria-labelledby': 'create-project-heading' },
    h('h3', { id: 'create-project-heading' }, 'Create a project'),
    h('p', { className: 'hint' }, 'You will be its lead: you decide who joins it, and can hand the lead over later.'),
    formErrorSlot(),
    h('div', { className: 'field' }, h('label', { for: ids.title }, 'Title'), h('span', { className: 'hint', id: `${ids.title}-hint` }, '1 to 200 characters.'), title),
    h('div', { className: 'field' }, h('label', { for: ids.aim }, 'Aim (optional)'), aim),
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field' }, h('label', { for: ids.status }, 'Status'), status),
      dateField(ids.start, 'Start (optional)', start),
      dateField(ids.end, 'End (optional)', end)),
    h('div', { className: 'field' }, h('label', { for: ids.host }, 'Host organisation'), host),
    methods.element,
    save);
  const details = h('details', { className: 'add-project' }, h('summary', {}, 'Create a project'), form);
  const fillHosts = () => {
    const current = employments().filter((e) => !e.until);
    replaceChildren(host, h('option', { value: '' }, 'None'), current.map((e) => h('option', { value: e.organisation.id }, e.organisation.name)));
    if (current.length) host.value = current[0]!.organisation.id;
  };
  details.addEventListener('toggle', () => { if (details.open) fillHosts(); });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    save.disabled = true;
    try {
      // Checked by the service, which reports every field at fault at once.
      const created = (await gql<{ createProject: { title: string } }>(`mutation CreateProject($input: CreateProjectInput!) { createProject(input: $input) { id title } }`, {
        input: {
          title: title.value, aim: aim.value.trim() || null, status: status.value, startDate: start.value || null, endDate: end.value || null,
          hostOrganisationId: host.value || null, methodSkillIds: methods.selected().map((s) => s.id),
        },
      })).createProject;
      title.value = '';
      aim.value = '';
      start.value = '';
      end.value = '';
      methods.set([]);
      await onDone(`You created ${created.title}. You lead it: people who ask to join it appear here for you to decide.`);
    } catch (error) {
      showFormErrors(form, error, projectFieldNames);
    } finally {
      save.disabled = false;
    }
  });
  return details;
}

/** A lead adds someone to their project, found by name; they confirm before they are shown. */
function addPersonForm(project: ProjectRef, onDone: (text: string) => Promise<void>): HTMLElement {
  const searchId = uid('person-search');
  const roleId = uid('role');
  const search = h('input', { type: 'search', id: searchId, name: 'personId', autocomplete: 'off', placeholder: 'Their name' });
  const results = h('ul', { className: 'suggestions', hidden: true, 'aria-label': 'Matching people' });
  const role = roleSelect(roleId);
  const status = h('span', { className: 'endorse-status', role: 'status' });
  const form = h('form', { className: 'skill-form', noValidate: true }, formErrorSlot(),
    h('div', { className: 'field' }, h('label', { for: searchId }, 'Person'), h('span', { className: 'hint' }, 'Type their name, then choose them: they confirm before they are shown on the project.'), search, results),
    h('div', { className: 'field' }, h('label', { for: roleId }, 'Their role'), role), status);
  // Choosing a person adds them; Enter in the name box takes the first match, and never sends the form anywhere.
  form.addEventListener('submit', (event) => event.preventDefault());
  wireSuggestions(search, results);
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = search.value.trim();
      if (text.length < 2) { results.hidden = true; return; }
      try {
        const data = await gql<{ searchExperts: { edges: { node: { id: string; displayName: string; headline: string | null } }[] } }>(
          `query FindPeople($query: String!) { searchExperts(query: $query, first: 8) { edges { node { id displayName headline } } } }`, { query: text });
        replaceChildren(results, data.searchExperts.edges.map(({ node }) => h('li', {},
          h('button', { type: 'button', onclick: () => void add(node) }, node.displayName, node.headline ? h('span', { className: 'facet-count' }, ` · ${node.headline}`) : null))));
        results.hidden = data.searchExperts.edges.length === 0;
      } catch { /* typing on asks again */ }
    }, 250);
  });
  const add = async (person: { id: string; displayName: string }) => {
    clearFormErrors(form);
    try {
      await gql(`mutation AddProjectContributor($input: AddProjectContributorInput!) { addProjectContributor(input: $input) { kind } }`,
        { input: { projectId: project.id, personId: person.id, role: role.value } });
      await onDone(`You added ${person.displayName} to ${project.title}. They are shown on it once they confirm.`);
    } catch (error) {
      showFormErrors(form, error, { personId: 'personId', 'input.personId': 'personId', role: 'role' });
    }
  };
  return h('details', { className: 'add-project' }, h('summary', {}, `Add a person to ${project.title}`), form);
}

/** A lead hands the lead role to one of the project's confirmed contributors. */
function handOverForm(project: ProjectRef, onDone: (text: string) => Promise<void>): HTMLElement {
  const whoId = uid('new-lead');
  const roleId = uid('former-role');
  const who = h('select', { id: whoId, name: 'personId' }, h('option', { value: '' }, 'Loading contributors…'));
  const role = roleSelect(roleId);
  const save = h('button', { type: 'submit', className: 'button button--secondary' }, 'Hand over the lead');
  const form = h('form', { className: 'skill-form', noValidate: true }, formErrorSlot(),
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field' }, h('label', { for: whoId }, 'New lead'), who),
      h('div', { className: 'field' }, h('label', { for: roleId }, 'Your role afterwards'), role)),
    save);
  const details = h('details', { className: 'add-project' }, h('summary', {}, `Hand over the lead of ${project.title}`), form);
  details.addEventListener('toggle', async () => {
    if (!details.open) return;
    try {
      const data = await gql<{ me: { id: string }; project: { contributors: { role: string; person: { id: string; displayName: string } }[] } | null }>(
        `query ProjectContributors($id: ID!) { me { id } project(id: $id) { contributors { role person { id displayName } } } }`, { id: project.id });
      const others = (data.project?.contributors ?? []).filter((c) => c.person.id !== data.me.id && c.role !== 'LEAD');
      replaceChildren(who, others.length
        ? [h('option', { value: '' }, 'Choose a contributor'), others.map((c) => h('option', { value: c.person.id }, `${c.person.displayName} (${label(contributionRoleLabels, c.role)})`))]
        : h('option', { value: '' }, 'Nobody else has joined it yet'));
    } catch (error) {
      showFormErrors(form, error);
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    if (!who.value) { showFormErrors(form, new ApiError([{ message: 'Choose who leads it next.', code: 'BAD_USER_INPUT', field: 'personId' }], 0), { personId: 'personId' }); return; }
    save.disabled = true;
    try {
      const name = who.selectedOptions[0]?.textContent ?? 'them';
      await gql(`mutation HandOverProjectLead($projectId: ID!, $personId: ID!, $formerLeadRole: ContributionRole!) { handOverProjectLead(projectId: $projectId, personId: $personId, formerLeadRole: $formerLeadRole) { id } }`,
        { projectId: project.id, personId: who.value, formerLeadRole: role.value });
      await onDone(`You handed the lead of ${project.title} to ${name.replace(/ \(.*\)$/, '')}.`);
    } catch (error) {
      showFormErrors(form, error, { personId: 'personId', formerLeadRole: 'role' });
    } finally {
      save.disabled = false;
    }
  });
  return details;
}
