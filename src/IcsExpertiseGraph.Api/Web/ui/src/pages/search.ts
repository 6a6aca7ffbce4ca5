// Expert search: "Search experts" with filters, ranked results with the reasons for each rank (in two groups when the
// query names skills: those holding them, then those who only mention the words), facet counts beside the filters,
// and paging. The address holds the whole search, so it can be bookmarked and shared.

import { gql } from '../api';
import { announce, h, replaceChildren, uid } from '../dom';
import { availabilityLabels, domainLabels, evidenceLabels, label, levelLabels, organisationTypeLabels, readable, signalLabels } from '../labels';
import { integratedCareSystems, skillsById, type IcsOption } from '../reference';
import { newestOnly, recordQuery, type PageContext } from '../router';
import { skillPicker } from '../skillpicker';
import { badge, count, errorBox, headlineAndOrganisation, loading, pageHeading, personLink, plural } from '../ui';

// The page size is a literal in the document (not a variable), so the test that prices every UI document sees its real cost.
const pageSize = 20;

/** The longest query searchExperts accepts; longer is refused, so the box counts down to it. */
const maxQueryLength = 200;

const searchQuery = `query SearchExperts($query: String, $filter: ExpertFilter, $after: String) {
  searchExperts(query: $query, filter: $filter, first: 20, after: $after) {
    totalCount skillHolderCount wordMentionCount
    pageInfo { hasNextPage endCursor }
    recognisedSkills { id name }
    facets {
      domains { value count }
      skills { value count skill { name } }
      integratedCareSystems { value count integratedCareSystem { name } }
      organisationTypes { value count }
    }
    edges {
      group skillsMet score
      node {
        id displayName headline
        availability { status openToCrossOrganisation }
        employments { primary until role organisation { name odsCode type integratedCareSystem { name } } }
      }
      matchedSkills { skill { id name } level verified evidence forSkill { name } }
      explanation { signal detail contribution }
    }
  }
}`;

interface Facets {
  domains: { value: string; count: number }[];
  skills: { value: string; count: number; skill: { name: string } }[];
  integratedCareSystems: { value: string; count: number; integratedCareSystem: { name: string } }[];
  organisationTypes: { value: string; count: number }[];
}

/** Where a result stands: its name is the query, it holds skills asked for, it only has the words, or nothing was asked. */
type SearchGroup = 'NAME' | 'SKILLS' | 'WORDS' | 'EVERYONE';

interface SearchResult {
  totalCount: number;
  skillHolderCount: number;
  wordMentionCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  recognisedSkills: { id: string; name: string }[];
  facets: Facets;
  edges: {
    group: SearchGroup;
    skillsMet: number;
    score: number;
    node: {
      id: string; displayName: string; headline: string | null;
      availability: { status: string; openToCrossOrganisation: boolean };
      employments: { primary: boolean; until: string | null; role: string | null; organisation: { name: string; odsCode: string | null; type: string; integratedCareSystem: { name: string } | null } }[];
    };
    matchedSkills: { skill: { id: string; name: string }; level: string; verified: boolean; evidence: string | null; forSkill: { name: string } | null }[];
    explanation: { signal: string; detail: string; contribution: number }[];
  }[];
}

interface SearchState {
  q: string;
  skills: string[];
  level: string;
  domains: string[];
  ics: string;
  types: string[];
  available: boolean;
  cross: string; // '', 'yes', 'no'
  after: string;
  /** Cursors of the pages before this one, so Previous works without the server keeping anything. */
  back: string[];
}

function stateFrom(query: URLSearchParams): SearchState {
  return {
    q: query.get('q') ?? '',
    skills: query.getAll('skill'),
    level: query.get('level') ?? '',
    domains: query.getAll('domain'),
    ics: query.get('ics') ?? '',
    types: query.getAll('type'),
    available: query.get('available') === '1',
    cross: query.get('cross') ?? '',
    after: query.get('after') ?? '',
    back: query.getAll('back'),
  };
}

function queryOf(state: SearchState): Record<string, string | string[]> {
  return {
    q: state.q, skill: state.skills, level: state.level, domain: state.domains, ics: state.ics, type: state.types,
    available: state.available ? '1' : '', cross: state.cross, after: state.after, back: state.back,
  };
}

function filterOf(state: SearchState): Record<string, unknown> | null {
  const filter: Record<string, unknown> = {};
  if (state.skills.length) filter.skillIds = state.skills;
  if (state.level) filter.minLevel = state.level;
  if (state.domains.length) filter.domains = state.domains;
  if (state.ics) filter.icsIds = [state.ics];
  if (state.types.length) filter.organisationTypes = state.types;
  if (state.available) filter.availableOnly = true;
  if (state.cross) filter.openToCrossOrganisation = state.cross === 'yes';
  return Object.keys(filter).length ? filter : null;
}

export async function searchPage({ main, query, signal }: PageContext): Promise<void> {
  let state = stateFrom(query);
  const nextRequest = newestOnly(signal);

  const searchId = uid('search');
  const input = h('input', { type: 'search', id: searchId, name: 'q', value: state.q, autocomplete: 'off', 'aria-describedby': `${searchId}-hint ${searchId}-count` });
  const counter = characterCounter(input, `${searchId}-count`, maxQueryLength);
  const field = h('div', { className: 'field' },
    h('label', { for: searchId }, 'Search experts'),
    h('span', { className: 'hint', id: `${searchId}-hint` }, 'Plain words, e.g. "lean", "SPC and systems thinking" or "patient safety coach". Leave empty to see everyone, deepest expertise first.'),
    h('div', { className: 'search-bar' }, input, h('button', { type: 'submit', className: 'button' }, 'Search')),
    counter.element);
  const form = h('form', { role: 'search', className: 'card', 'aria-label': 'Expert search' }, field);

  const picker = skillPicker({ label: 'Skills', name: 'skills', hint: 'Holds any of these (or a narrower skill).', onChange: (skills) => apply({ skills: skills.map((s) => s.id) }) });
  const levelSelect = h('select', { id: uid('level'), name: 'level' },
    h('option', { value: '' }, 'Any level'),
    ['PRACTITIONER', 'EXPERT', 'COACH'].map((l) => h('option', { value: l }, `${label(levelLabels, l)} or deeper`)));
  const icsSelect = h('select', { id: uid('ics'), name: 'ics' }, h('option', { value: '' }, 'Any ICS'));
  const crossSelect = h('select', { id: uid('cross'), name: 'cross' },
    h('option', { value: '' }, 'Either'), h('option', { value: 'yes' }, 'Open to it'), h('option', { value: 'no' }, 'Not open to it'));
  const availableBox = h('input', { type: 'checkbox', id: uid('available'), name: 'available' });
  const domainGroup = h('div', {});
  const typeGroup = h('div', {});
  const skillFacets = h('div', {});

  const activeCount = h('span', { className: 'facet-count' });
  // On a phone the filters start folded, so the results are not a long scroll away.
  const filters = h('aside', { className: 'sidebar', 'aria-label': 'Filters' }, h('details', { className: 'filters', ...(window.matchMedia('(max-width: 800px)').matches ? {} : { open: true }) },
    h('summary', {}, h('h2', { className: 'filters-title' }, 'Filters'), activeCount),
    picker.element,
    h('div', { className: 'field' }, h('label', { for: levelSelect.id }, 'Minimum level'), levelSelect),
    h('fieldset', {}, h('legend', {}, 'Quality domain'), domainGroup),
    h('div', { className: 'field' }, h('label', { for: icsSelect.id }, 'Integrated Care System'), icsSelect),
    h('fieldset', {}, h('legend', {}, 'Organisation type'), typeGroup),
    h('fieldset', {}, h('legend', {}, 'Availability'),
      h('div', { className: 'checkbox' }, availableBox, h('label', { for: availableBox.id }, 'Available now (open or limited)'))),
    h('div', { className: 'field' }, h('label', { for: crossSelect.id }, 'Open to cross-organisation work'), crossSelect),
    skillFacets,
    h('button', { type: 'button', className: 'link-button', onclick: () => { picker.set([]); apply({ skills: [], level: '', domains: [], ics: '', types: [], available: false, cross: '' }, true); } }, 'Clear all filters')));

  const resultsHeading = h('h2', { tabindex: '-1', id: 'results-heading' }, 'Results');
  const resultsBody = h('div', { 'aria-busy': 'false' });
  const results = h('section', { 'aria-labelledby': 'results-heading' }, resultsHeading, resultsBody);

  main.append(pageHeading('Find quality-improvement experts'),
    form,
    h('div', { className: 'layout-with-sidebar' }, filters, results));

  // Past the header, the search box and some twenty filters to the results in one keypress: the page's first stop,
  // before the site-wide skip link. Its "#" target would be read as a route, so it moves focus itself.
  const skipToResults = h('a', { className: 'skip-link', href: '#results-heading', onclick: (event: Event) => {
    event.preventDefault();
    resultsHeading.scrollIntoView();
    resultsHeading.focus();
  } }, 'Skip to results');
  document.body.prepend(skipToResults);
  signal.addEventListener('abort', () => skipToResults.remove());

  // Facet counts go beside the filter values they count; values with no matches stay, at zero, so a filter can be undone.
  const drawCheckboxes = (group: HTMLElement, name: string, labels: Record<string, string>, checked: string[], counts: Map<string, number> | null, key: 'domains' | 'types') => {
    replaceChildren(group, Object.keys(labels).map((value) => {
      const id = `${name}-${value}`;
      const box = h('input', { type: 'checkbox', id, name, value, ...(checked.includes(value) ? { checked: true } : {}) });
      box.addEventListener('change', () => {
        const next = box.checked ? [...state[key], value] : state[key].filter((v) => v !== value);
        apply({ [key]: next } as Partial<SearchState>);
      });
      const n = counts?.get(value);
      return h('div', { className: 'checkbox' }, box, h('label', { for: id }, label(labels, value), n !== undefined ? h('span', { className: 'facet-count' }, ` (${count(n)})`) : null));
    }));
  };

  let icsOptions: IcsOption[] = [];
  const drawIcs = (counts: Map<string, number> | null) => {
    replaceChildren(icsSelect, h('option', { value: '' }, 'Any ICS'),
      icsOptions.map((ics) => {
        const n = counts?.get(ics.id);
        return h('option', { value: ics.id, ...(ics.id === state.ics ? { selected: true } : {}) }, `${ics.name}${n !== undefined ? ` (${count(n)})` : ''}`);
      }));
  };

  // The search words are not written back: they only change by submitting the field itself, and writing them back
  // erased whatever was typed while the page was still loading (found by the browser tests).
  const syncControls = () => {
    const active = state.skills.length + state.domains.length + state.types.length + [state.level, state.ics, state.cross].filter(Boolean).length + (state.available ? 1 : 0);
    activeCount.textContent = active ? ` (${active} active)` : '';
    levelSelect.value = state.level;
    crossSelect.value = state.cross;
    availableBox.checked = state.available;
    icsSelect.value = state.ics;
  };

  function apply(change: Partial<SearchState>, push = true): void {
    // Any change of what is asked starts again at the first page.
    // Words typed but not yet submitted go with the filter change rather than being wiped.
    state = { ...state, q: input.value.trim(), ...change, after: change.after ?? '', back: change.back ?? [] };
    recordQuery('/', queryOf(state), push);
    void run(false);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (counter.tooLong()) { input.focus(); return; }
    apply({ q: input.value.trim() });
  });
  levelSelect.addEventListener('change', () => apply({ level: levelSelect.value }));
  icsSelect.addEventListener('change', () => apply({ ics: icsSelect.value }));
  crossSelect.addEventListener('change', () => apply({ cross: crossSelect.value }));
  availableBox.addEventListener('change', () => apply({ available: availableBox.checked }));

  async function run(focusResults: boolean): Promise<void> {
    if (signal.aborted) return; // the user has left the page
    const answer = nextRequest();
    syncControls();
    resultsBody.setAttribute('aria-busy', 'true');
    replaceChildren(resultsBody, loading('experts'));
    try {
      const data = await gql<{ searchExperts: SearchResult }>(searchQuery,
        { query: state.q || null, filter: filterOf(state), after: state.after || null }, answer);
      if (answer.aborted) return;
      drawResults(data.searchExperts);
      if (focusResults) resultsHeading.focus();
    } catch (error) {
      if (answer.aborted) return;
      replaceChildren(resultsBody, errorBox(error, 'The search did not work'));
    } finally {
      resultsBody.setAttribute('aria-busy', 'false');
    }
  }

  function drawResults(result: SearchResult): void {
    // The filters are drawn again with the new counts; whoever was on one of them stays on it.
    const focused = document.activeElement instanceof HTMLElement && filters.contains(document.activeElement) ? document.activeElement.id : '';
    const facets = result.facets;
    drawCheckboxes(domainGroup, 'domain', domainLabels, state.domains, new Map(facets.domains.map((f) => [f.value, f.count])), 'domains');
    drawCheckboxes(typeGroup, 'type', organisationTypeLabels, state.types, new Map(facets.organisationTypes.map((f) => [f.value, f.count])), 'types');
    drawIcs(new Map(facets.integratedCareSystems.map((f) => [f.value, f.count])));
    const offered = facets.skills.filter((f) => !state.skills.includes(f.value)).slice(0, 12);
    replaceChildren(skillFacets, offered.length ? [
      h('h3', {}, 'Skills among these experts'),
      h('ul', { className: 'facet-list' }, offered.map((f) => h('li', {},
        h('button', { type: 'button', id: `facet-skill-${f.value}`, className: 'link-button', onclick: () => {
          picker.set([...picker.selected(), { id: f.value, name: f.skill.name, domain: '' }]);
          apply({ skills: [...state.skills, f.value] });
          picker.element.querySelector('input')?.focus(); // the button goes with the next answer
        } },
          `${f.skill.name}`), h('span', { className: 'facet-count' }, ` (${count(f.count)})`)))),
    ] : []);

    if (focused) document.getElementById(focused)?.focus();

    const pageNumber = state.back.length + 1;
    const from = (pageNumber - 1) * pageSize + 1;
    const to = from + result.edges.length - 1;
    const summary = result.totalCount === 0
      ? 'No experts match.'
      : `${count(result.totalCount)} expert${result.totalCount === 1 ? '' : 's'} found; showing ${count(from)} to ${count(to)}, best match first.`;
    // A search that names skills answers in two groups, those holding the skills first; with no skill named, one list.
    const grouped = result.recognisedSkills.length > 0 && result.totalCount > 0;
    announce(grouped
      ? `${summary} Holding the skills you asked for: ${count(result.skillHolderCount)}; mentioning your words: ${count(result.wordMentionCount)}.`
      : summary);

    replaceChildren(resultsBody,
      h('p', { className: 'result-count' }, summary),
      result.recognisedSkills.length ? h('p', { className: 'muted' }, 'Understood as: ', result.recognisedSkills.map((s) => s.name).join(', '), '.') : null,
      result.totalCount === 0 ? h('p', {}, 'Try fewer words, a broader skill, or fewer filters.') : null,
      grouped ? groupedResults(result, from) : resultList(result.edges, from, 'h3'),
      pager(result));
  }

  function pager(result: SearchResult): HTMLElement | null {
    if (!state.back.length && !result.pageInfo.hasNextPage) return null;
    return h('nav', { className: 'pager', 'aria-label': 'Result pages' },
      state.back.length ? h('button', { type: 'button', className: 'button button--secondary', onclick: () => {
        const back = state.back.slice(0, -1);
        state = { ...state, after: state.back[state.back.length - 1] ?? '', back };
        recordQuery('/', queryOf(state), true);
        void run(true);
      } }, 'Previous page') : null,
      h('span', {}, `Page ${state.back.length + 1} of ${Math.max(1, Math.ceil(result.totalCount / pageSize))}`),
      result.pageInfo.hasNextPage && result.pageInfo.endCursor ? h('button', { type: 'button', className: 'button button--secondary', onclick: () => {
        state = { ...state, back: [...state.back, state.after], after: result.pageInfo.endCursor ?? '' };
        recordQuery('/', queryOf(state), true);
        void run(true);
      } }, 'Next page') : null);
  }

  // First draw: reference lists and chosen skills' names, then the search the address asks for.
  replaceChildren(resultsBody, loading('experts'));
  try {
    const [systems, chosen] = await Promise.all([integratedCareSystems(), skillsById(state.skills, signal)]);
    icsOptions = systems;
    picker.set(chosen);
  } catch (error) {
    if (signal.aborted) return;
    main.append(errorBox(error, 'Some filters could not be loaded'));
  }
  if (signal.aborted) return;
  drawIcs(null);
  drawCheckboxes(domainGroup, 'domain', domainLabels, state.domains, null, 'domains');
  drawCheckboxes(typeGroup, 'type', organisationTypeLabels, state.types, null, 'types');
  await run(false);
}

type SearchEdge = SearchResult['edges'][number];

/** The two groups' headings, and what puts someone in each (said where the group starts). */
const groups = {
  SKILLS: {
    title: 'Hold the skills you asked for',
    note: 'They hold at least one of the skills asked for, or a narrower one; those meeting the most of them come first.',
    none: 'Nobody found holds the skills asked for, or a narrower one.',
  },
  WORDS: {
    title: 'Mention your words',
    note: 'They hold none of the skills asked for; your words are in their name, headline or bio.',
    none: '',
  },
} as const;

/**
 * The page's results under the group headings, each heading where its group starts: the groups run on across pages,
 * so a page that starts inside a group begins with its heading, "(continued)". A name match comes first, outside both.
 */
function groupedResults(result: SearchResult, from: number): HTMLElement[] {
  const runs: { group: SearchGroup; first: number; edges: SearchEdge[] }[] = [];
  result.edges.forEach((edge, i) => {
    const last = runs[runs.length - 1];
    if (last?.group === edge.group) last.edges.push(edge);
    else runs.push({ group: edge.group, first: from + i, edges: [edge] });
  });
  // Nobody holds a skill asked for: the first page says so where they would be, before those who mention the words.
  if (from === 1 && result.skillHolderCount === 0 && !runs.some((run) => run.group === 'SKILLS')) {
    const words = runs.findIndex((run) => run.group === 'WORDS');
    runs.splice(words < 0 ? runs.length : words, 0, { group: 'SKILLS', first: from, edges: [] });
  }

  return runs.map((run) => {
    if (run.group !== 'SKILLS' && run.group !== 'WORDS') return resultList(run.edges, run.first, 'h3');
    const group = groups[run.group];
    const total = run.group === 'SKILLS' ? result.skillHolderCount : result.wordMentionCount;
    // Begun on an earlier page: this page opens with it, and (for the words) more people came before than hold the
    // skills. Only a name match that holds no skill asked for would also come before them; there is at most a handful.
    const continued = run.first === from && from > 1 && (run.group === 'SKILLS' || from - 1 > result.skillHolderCount);
    const headingId = uid('group');
    return h('section', { className: `result-group result-group--${run.group.toLowerCase()}`, 'aria-labelledby': headingId },
      h('h3', { id: headingId, className: 'result-group-title' },
        group.title, continued ? ' (continued)' : '', h('span', { className: 'group-count' }, ` · ${plural(total, 'expert')}`)),
      continued ? null : h('p', { className: 'muted' }, run.edges.length ? group.note : group.none),
      run.edges.length ? resultList(run.edges, run.first, 'h4') : null);
  });
}

/** Results as a numbered list from rank <first>; each card's heading one level under the heading above the list. */
function resultList(edges: SearchEdge[], first: number, level: 'h3' | 'h4'): HTMLElement {
  return h('ol', { className: 'results', start: String(first) }, edges.map((edge, i) => resultItem(edge, first + i, level)));
}

/**
 * How many skills the search asked for, read from the card's own skill-level reason, which lists each once ("Systems
 * thinking: Coach; Statistical process control: not held"). recognisedSkills cannot say it: a bare word that names
 * no skill ("improvement") stands for several skills as one need.
 */
function skillsAsked(edge: SearchEdge): number {
  const reason = edge.explanation.find((r) => r.signal === 'SKILL_LEVEL');
  return reason ? reason.detail.split('; ').length : 0;
}

function resultItem(edge: SearchEdge, rank: number, level: 'h3' | 'h4'): HTMLElement {
  const person = edge.node;
  const current = person.employments.filter((e) => !e.until);
  const employer = current.find((e) => e.primary) ?? current[0];
  const reasonsId = uid('reasons');
  const asked = edge.skillsMet > 0 ? skillsAsked(edge) : 0;
  return h('li', { className: 'result' },
    h('span', { className: 'score', title: 'Score: the sum of the reasons below' }, h('span', { className: 'visually-hidden' }, 'Score '), edge.score.toFixed(2)),
    h(level, {}, h('span', { className: 'visually-hidden' }, `${rank}. `), personLink(person),
      edge.group === 'NAME' ? badge('Name match', 'name') : null),
    h('p', { className: 'result-meta' },
      headlineAndOrganisation(person.headline, employer?.organisation ?? null, organisationTypeLabels),
      badge(label(availabilityLabels, person.availability.status), person.availability.status === 'OPEN' ? 'verified' : ''),
      person.availability.openToCrossOrganisation ? badge('Open to cross-organisation work') : null),
    asked >= 2 ? h('p', { className: 'skills-met' }, `Meets ${count(edge.skillsMet)} of ${count(asked)} skills asked for`) : null,
    edge.matchedSkills.length ? h('ul', { className: 'skill-list', 'aria-label': 'Matching skills' }, edge.matchedSkills.map((m) => h('li', {},
      m.skill.name, ` · ${label(levelLabels, m.level)}`,
      m.evidence ? ` · ${label(evidenceLabels, m.evidence)}` : '',
      m.verified ? badge('verified', 'verified') : null,
      m.forSkill ? h('span', { className: 'muted' }, ` (for ${m.forSkill.name})`) : null))) : null,
    h('details', {},
      h('summary', { id: reasonsId }, 'Why this rank'),
      h('table', { className: 'reasons', 'aria-labelledby': reasonsId },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Signal'), h('th', { scope: 'col' }, 'Reason'), h('th', { scope: 'col', className: 'number' }, 'Adds'))),
        h('tbody', {}, edge.explanation.map((r) => h('tr', {},
          h('td', {}, label(signalLabels, r.signal)), h('td', {}, readable(r.detail)), h('td', { className: 'number' }, r.contribution.toFixed(2))))))));
}

/**
 * "You have N characters remaining" under a box with a length limit, as the NHS design system's character count
 * does: typing past the limit is allowed (a pasted sentence can be trimmed in place) but says how many too many, in
 * red, and the form will not send it. Screen readers hear the count once typing pauses, not at every key.
 */
function characterCounter(input: HTMLInputElement, id: string, limit: number): { element: HTMLElement; tooLong(): boolean } {
  const visible = h('span', { className: 'char-count', id, 'aria-hidden': 'true' });
  const spoken = h('span', { className: 'visually-hidden', 'aria-live': 'polite' });
  const element = h('div', {}, visible, spoken);
  const message = () => {
    const left = limit - input.value.length;
    return left >= 0 ? `You have ${count(left)} character${left === 1 ? '' : 's'} remaining` : `You have ${count(-left)} character${left === -1 ? '' : 's'} too many`;
  };
  let timer = 0;
  const update = () => {
    const over = input.value.length > limit;
    visible.textContent = message();
    visible.classList.toggle('char-count--over', over);
    input.closest('.field')?.classList.toggle('field--error', over);
    if (over) input.setAttribute('aria-invalid', 'true'); else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => {
    update();
    window.clearTimeout(timer);
    timer = window.setTimeout(() => { spoken.textContent = message(); }, 1000);
  });
  update();
  return { element, tooLong: () => input.value.length > limit };
}
