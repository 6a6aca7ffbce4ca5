// Project leads (network managers): find a project with no lead you can see and make one of its confirmed contributors
// its lead (assignProjectLead). Nobody makes themselves a lead, so this is how a project whose lead left gets one; a lead
// hidden from you counts as none, as the service decides, so the list never tells you that such a person exists.

import { ApiError, gql } from '../api';
import { accessProblem, needNetworkManager, needSignIn } from '../access';
import { announce, h, replaceChildren, uid } from '../dom';
import { contributionRoleLabels, label } from '../labels';
import { newestOnly, recordQuery, type PageContext } from '../router';
import { currentSession, isNetworkManager } from '../session';
import { clearFormErrors, errorBox, formErrorSlot, loading, pageHeading, plural, showFormErrors } from '../ui';
import { projectDetails } from './profile-projects';

interface Contributor { role: string; person: { id: string; displayName: string } }
interface Project {
  id: string; title: string; status: string; startDate: string | null; endDate: string | null; hostOrganisation: { name: string } | null;
  contributors: Contributor[];
}

const withoutLeadQuery = `query ProjectsWithoutALead($query: String, $first: Int!) {
  projects(filter: { withoutLead: true, query: $query }, first: $first) {
    totalCount
    nodes { id title status startDate endDate hostOrganisation { name } contributors { role person { id displayName } } }
  }
}`;

const assignMutation = `mutation AssignProjectLead($projectId: ID!, $personId: ID!) { assignProjectLead(projectId: $projectId, personId: $personId) { id } }`;

const pageSize = 20;
const what = 'projects without a lead';
const because = 'because only they may give a project a lead';

export async function projectLeadsPage({ main, query, signal }: PageContext): Promise<void> {
  main.append(pageHeading('Project leads'),
    h('p', { className: 'muted' }, 'Projects with no lead you can see. Nobody can make themselves a project\'s lead: choose one of its contributors to lead it, '
      + 'and they are told. Requests to join these projects wait for you on My profile until then.'));

  const session = currentSession();
  if (!session) { main.append(needSignIn(what, true, because)); return; }
  if (!isNetworkManager(session)) { main.append(needNetworkManager(what, because)); return; }

  const searchId = uid('leads-query');
  const input = h('input', { id: searchId, name: 'query', type: 'search', autocomplete: 'off', value: query.get('q') ?? '' });
  const form = h('form', { className: 'card', role: 'search', 'aria-label': 'Find a project without a lead' },
    h('div', { className: 'field' }, h('label', { for: searchId }, 'Words of its title or host organisation (optional)'), input),
    h('button', { type: 'submit', className: 'button' }, 'Find projects'));
  const notice = h('div', {});
  const results = h('div', { 'aria-busy': 'false' });
  main.append(form, notice, results);
  const nextRequest = newestOnly(signal);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    recordQuery('/project-leads', { q: input.value.trim() }, true);
    void run();
  });

  const say = (text: string) => {
    const message = h('p', { className: 'notice notice--success', role: 'status', tabindex: '-1' }, text);
    replaceChildren(notice, message);
    announce(text);
    message.focus();
  };

  async function run(): Promise<void> {
    const answer = nextRequest();
    results.setAttribute('aria-busy', 'true');
    replaceChildren(results, loading(what));
    try {
      const data = await gql<{ projects: { totalCount: number; nodes: Project[] } }>(withoutLeadQuery, { query: input.value.trim() || null, first: pageSize }, answer);
      if (!answer.aborted) draw(data.projects.nodes, data.projects.totalCount);
    } catch (error) {
      if (!answer.aborted) replaceChildren(results, accessProblem(error, what) ?? errorBox(error, 'Could not find the projects'));
    } finally {
      if (!answer.aborted) results.setAttribute('aria-busy', 'false');
    }
  }

  function draw(projects: Project[], total: number): void {
    if (!projects.length) {
      replaceChildren(results, h('p', {}, input.value.trim() ? 'No project without a lead matches those words.' : 'Every project has a lead you can see.'));
      return;
    }

    const more = total > projects.length ? `: the first ${projects.length} by title; add words to narrow them` : '';
    replaceChildren(results,
      h('p', {}, `${plural(total, 'project')} without a lead${more}.`),
      h('ul', { className: 'plain-list projects-without-lead', 'aria-label': 'Projects without a lead' }, projects.map((project) =>
        h('li', {}, h('h2', {}, project.title), h('p', { className: 'muted' }, projectDetails(project)), assignForm(project)))));
  }

  /** Makes one of the project's contributors (never you: nobody leads by their own say) its lead; every refusal shown beside the choice. */
  function assignForm(project: Project): HTMLElement {
    const candidates = project.contributors.filter((c) => c.person.id !== session?.personId)
      .sort((a, b) => a.person.displayName.localeCompare(b.person.displayName, 'en-GB'));
    if (!candidates.length) {
      return h('p', {}, 'Nobody else contributes to it yet: once someone has joined (approve a request on My profile), you can make them its lead.');
    }

    const whoId = uid('lead-for');
    const who = h('select', { id: whoId, name: 'personId' }, h('option', { value: '' }, 'Choose a contributor'),
      candidates.map((c) => h('option', { value: c.person.id }, `${c.person.displayName} (${label(contributionRoleLabels, c.role)})`)));
    const save = h('button', { type: 'submit', className: 'button button--secondary' }, `Make lead of ${project.title}`);
    const assign = h('form', { className: 'skill-form', noValidate: true, 'aria-label': `Give ${project.title} a lead` }, formErrorSlot(),
      h('div', { className: 'field' }, h('label', { for: whoId }, 'New lead'), who), save);
    assign.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(assign);
      if (!who.value) {
        showFormErrors(assign, new ApiError([{ message: 'Choose who leads it.', code: 'BAD_USER_INPUT', field: 'personId' }], 0));
        return;
      }

      save.disabled = true;
      try {
        const name = (who.selectedOptions[0]?.textContent ?? 'They').replace(/ \(.*\)$/, '');
        await gql(assignMutation, { projectId: project.id, personId: who.value });
        say(`${name} now leads ${project.title}.`);
        await run();
      } catch (error) {
        // The project may have been given a lead, or the person may have left it, since the list was drawn: say so here.
        showFormErrors(assign, error, { projectId: 'personId' });
      } finally {
        save.disabled = false;
      }
    });
    return assign;
  }

  await run();
}
