// Collaboration network: the people around someone (who worked on projects with whom), or, for network
// managers, how the organisations of an ICS work together, its brokers and its isolated organisations. The graph
// is drawn with Cytoscape.js (loaded only here); every fact in it is also given as text and tables beside it,
// and the lists select nodes in the graph, so keyboard and screen-reader users lose nothing.

import { gql } from '../api';
import { accessProblem, needSignIn } from '../access';
import { announce, h, replaceChildren, uid, type Child } from '../dom';
import { drawGraph, scaler, stableColours, swatch, type GraphEdge, type GraphNode, type GraphView } from '../graphview';
import { domainLabels, label, organisationTypeLabels } from '../labels';
import { integratedCareSystems, type IcsOption } from '../reference';
import { wireSuggestions } from '../suggestions';
import { href, newestOnly, recordQuery, type PageContext } from '../router';
import { currentSession, isNetworkManager } from '../session';
import { count, csvButton, downloadButton, errorBox, fileStem, loading, organisationDetails, pageHeading, percentOf, personLink, plural, tableScroll } from '../ui';

const personNetworkQuery = `query CollaborationNetwork($around: ID!, $hops: Int, $limit: Int) {
  collaborationNetwork(around: $around, hops: $hops, limit: $limit) {
    hops truncated
    nodes { person { id displayName } organisation { id name odsCode type integratedCareSystem { name } } betweenness chainShare }
    edges { from to weight projects { id title } }
  }
}`;

const organisationNetworkQuery = `query OrganisationNetwork($ics: ID!) {
  organisationCollaboration(icsId: $ics) {
    links { from { id } to { id } weight collaborations }
    organisations { organisation { id name odsCode type } collaborationWeight crossBoundaryWeight crossBoundaryShare }
    isolated { id name odsCode type }
  }
  brokers(icsId: $ics, first: 10) { rank person { id displayName } chainShare betweenness organisationsBridged }
  communities(icsId: $ics) { number size organisations { id name odsCode } dominantSkills { id name domain } }
}`;

// An ICS drawn as people: its people (brokers first) and their links, its brokers and its isolated organisations.
const icsPeopleQuery = `query IcsPeopleNetwork($ics: ID!) {
  systemNetwork(icsId: $ics, limit: 200) {
    truncated
    nodes { person { id displayName } organisation { id name odsCode type integratedCareSystem { name } } betweenness chainShare }
    edges { from to weight projects { id title } }
  }
  brokers(icsId: $ics, first: 10) { rank person { id displayName } chainShare betweenness organisationsBridged }
  organisationCollaboration(icsId: $ics) { isolated { id name odsCode type } }
}`;

const expertSearchQuery = `query NetworkPersonSearch($query: String, $first: Int) {
  searchExperts(query: $query, first: $first) { edges { node { id displayName headline } } }
}`;

interface NetworkNode {
  person: { id: string; displayName: string };
  organisation: { id: string; name: string; odsCode: string | null; type: string; integratedCareSystem: { name: string } | null } | null;
  betweenness: number;
  chainShare: number;
}
interface NetworkEdge { from: string; to: string; weight: number; projects: { id: string; title: string }[] }
interface CollaborationNetwork { hops: number; truncated: boolean; nodes: NetworkNode[]; edges: NetworkEdge[] }

interface Organisation { id: string; name: string; odsCode: string | null; type: string }
interface OrganisationCollaboration {
  links: { from: { id: string }; to: { id: string }; weight: number; collaborations: number }[];
  organisations: { organisation: Organisation; collaborationWeight: number; crossBoundaryWeight: number; crossBoundaryShare: number }[];
  isolated: Organisation[];
}
interface Broker { rank: number; person: { id: string; displayName: string }; chainShare: number; betweenness: number; organisationsBridged: number }
interface Community { number: number; size: number; organisations: { id: string; name: string; odsCode: string | null }[]; dominantSkills: { id: string; name: string; domain: string }[] }

/** Touch screens tap where mice click: the page's instructions say which. */
const touch = (): boolean => window.matchMedia('(pointer: coarse), (hover: none)').matches;

/** Share of shortest chains for people to read: small shares keep two decimals so they do not all read "0%". */
function chainShare(share: number): string {
  if (share <= 0) return '0%';
  if (share < 0.0001) return 'under 0.01%';
  return share >= 0.1 ? percentOf(share, 0) : percentOf(share, share >= 0.01 ? 1 : 2);
}

/** Colours for organisation types, fixed so the ICS view reads the same for every ICS. */
const typeColours: Record<string, string> = {
  INTEGRATED_CARE_BOARD: '#003087',
  ACUTE_TRUST: '#0072b2',
  COMMUNITY_TRUST: '#009e73',
  MENTAL_HEALTH_TRUST: '#cc79a7',
  AMBULANCE_TRUST: '#d55e00',
  PRIMARY_CARE_NETWORK: '#e69f00',
  GP_PRACTICE: '#f0e442',
  LOCAL_AUTHORITY: '#56b4e9',
  VCSE: '#78be20',
  ACADEMIC: '#7c2855',
  COMMISSIONING_SUPPORT: '#768692',
  OTHER: '#000000',
};

type Mode = 'person' | 'ics-people' | 'ics';
interface State { mode: Mode; around: string; hops: number; limit: number; ics: string }

const hopChoices = [1, 2, 3];
const limitChoices = [100, 200, 500, 1000];

function stateFrom(query: URLSearchParams): State {
  const hops = Number(query.get('hops'));
  const limit = Number(query.get('limit'));
  return {
    mode: query.get('ics') && !query.get('around') ? (query.get('view') === 'organisations' ? 'ics' : 'ics-people') : 'person',
    around: query.get('around') ?? '',
    hops: hopChoices.includes(hops) ? hops : 2,
    limit: limitChoices.includes(limit) ? limit : 200,
    ics: query.get('ics') ?? '',
  };
}

function queryOf(state: State): Record<string, string> {
  if (state.mode === 'ics') return { ics: state.ics, view: 'organisations' };
  return state.mode === 'ics-people'
    ? { ics: state.ics }
    : { around: state.around, hops: String(state.hops), limit: state.limit === 200 ? '' : String(state.limit) };
}

export async function networkPage({ main, query, signal }: PageContext): Promise<(() => void) | undefined> {
  let state = stateFrom(query);
  const manager = isNetworkManager();
  let graph: GraphView | null = null;
  const nextRequest = newestOnly(signal);
  const releaseGraph = () => { graph?.destroy(); graph = null; };

  const results = h('div', { 'aria-busy': 'false' });
  const modeNames: Record<Mode, string> = {
    person: 'Around a person',
    'ics-people': 'An Integrated Care System: its people',
    ics: 'An Integrated Care System: its organisations',
  };
  const modeRadios = (['person', 'ics-people', 'ics'] as const).map((mode) => {
    const id = uid(`mode-${mode}`);
    const radio = h('input', { type: 'radio', id, name: 'mode', value: mode, ...(state.mode === mode ? { checked: true } : {}) });
    radio.addEventListener('change', () => { if (radio.checked) switchMode(mode); });
    return h('div', { className: 'checkbox' }, radio, h('label', { for: id }, modeNames[mode]));
  });

  // Person controls: who (a name search over searchExperts), how far, how many.
  const personInputId = uid('network-person');
  const personInput = h('input', { type: 'search', id: personInputId, name: 'person', autocomplete: 'off', 'aria-describedby': `${personInputId}-hint` });
  const suggestions = h('ul', { className: 'suggestions', hidden: true, 'aria-label': 'Matching people' });
  const suggestionStatus = h('span', { className: 'visually-hidden', 'aria-live': 'polite' });
  const hopsId = uid('hops');
  const hopsSelect = h('select', { id: hopsId, name: 'hops', 'aria-describedby': `${hopsId}-hint` },
    hopChoices.map((n) => h('option', { value: String(n), ...(n === state.hops ? { selected: true } : {}) },
      n === 1 ? '1 step' : `${n} steps`)));
  const limitSelect = h('select', { id: uid('limit'), name: 'limit' },
    limitChoices.map((n) => h('option', { value: String(n), ...(n === state.limit ? { selected: true } : {}) }, `${n} people`)));
  const personControls = h('div', {},
    h('div', { className: 'field' },
      h('label', { for: personInputId }, 'Person at the centre'),
      h('span', { className: 'hint', id: `${personInputId}-hint` }, 'Type part of a name or a skill, then choose from the list (Down arrow, then Enter).'),
      personInput, suggestionStatus, suggestions),
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field' }, h('label', { for: hopsSelect.id }, 'How far'),
        h('span', { className: 'hint', id: `${hopsSelect.id}-hint` }, '1 step: the people they worked with; 2: also whom those worked with; 3: one step further.'), hopsSelect),
      h('div', { className: 'field' }, h('label', { for: limitSelect.id }, 'At most'), limitSelect)));

  const icsSelect = h('select', { id: uid('network-ics'), name: 'ics' }, h('option', { value: '' }, 'Choose an ICS'));
  const icsControls = h('div', { className: 'field' }, h('label', { for: icsSelect.id }, 'Integrated Care System'), icsSelect);

  const form = h('form', { className: 'card network-controls', 'aria-label': 'What to draw' },
    manager ? h('fieldset', { className: 'mode-switch' }, h('legend', {}, 'Show the network'), modeRadios) : null,
    personControls, icsControls);
  form.addEventListener('submit', (event) => event.preventDefault());

  main.append(pageHeading('Collaboration network'),
    h('p', { className: 'muted' }, 'Who has worked with whom on improvement projects. Each link is one or more shared projects; thicker links mean more of them.'),
    form, results);

  const syncControls = () => {
    personControls.hidden = state.mode !== 'person';
    form.hidden = !currentSession() || (state.mode !== 'person' && !manager);
    icsControls.hidden = state.mode === 'person' || !manager;
    hopsSelect.value = String(state.hops);
    limitSelect.value = String(state.limit);
    icsSelect.value = state.ics;
    modeRadios.forEach((radio) => { const input = radio.querySelector('input'); if (input) input.checked = input.value === state.mode; });
  };

  function apply(change: Partial<State>): void {
    state = { ...state, ...change };
    recordQuery('/network', queryOf(state), true);
    void run();
  }

  function switchMode(mode: Mode): void {
    state = { ...state, mode };
    syncControls();
    if (mode !== 'person' && !state.ics) {
      releaseGraph();
      replaceChildren(results, h('p', {}, 'Choose an Integrated Care System above to see how its people and organisations work together.'));
      recordQuery('/network', {}, true);
      return;
    }
    apply({});
  }

  hopsSelect.addEventListener('change', () => apply({ hops: Number(hopsSelect.value) }));
  limitSelect.addEventListener('change', () => apply({ limit: Number(limitSelect.value) }));
  icsSelect.addEventListener('change', () => { if (icsSelect.value) apply({ ics: icsSelect.value }); });

  // The name search: suggestions are buttons, so Tab, arrows and Enter all work.
  let searchTimer = 0;
  let searching: AbortController | null = null;
  const choose = (person: { id: string; displayName: string }) => {
    personInput.value = person.displayName;
    suggestions.hidden = true;
    apply({ around: person.id, mode: 'person' });
  };
  personInput.addEventListener('input', () => {
    window.clearTimeout(searchTimer);
    searchTimer = window.setTimeout(async () => {
      const text = personInput.value.trim();
      searching?.abort();
      if (text.length < 2) { suggestions.hidden = true; return; }
      searching = new AbortController();
      try {
        const data = await gql<{ searchExperts: { edges: { node: { id: string; displayName: string; headline: string | null } }[] } }>(
          expertSearchQuery, { query: text, first: 8 }, searching.signal);
        const people = data.searchExperts.edges.map((e) => e.node);
        replaceChildren(suggestions, people.map((p) => h('li', {},
          h('button', { type: 'button', onclick: () => choose(p) }, p.displayName, p.headline ? h('span', { className: 'facet-count' }, ` · ${p.headline}`) : null))));
        suggestions.hidden = people.length === 0;
        suggestionStatus.textContent = people.length ? `${plural(people.length, 'person', 'people')} found; press Down to choose` : 'Nobody found';
      } catch { /* typing on cancels the previous lookup */ }
    }, 250);
  });
  wireSuggestions(personInput, suggestions);

  let icsOptions: IcsOption[] = [];

  async function run(): Promise<void> {
    const answer = nextRequest();
    syncControls();
    releaseGraph();
    results.setAttribute('aria-busy', 'true');
    replaceChildren(results, loading('the network'));
    try {
      if (state.mode === 'ics') await runIcs(answer);
      else if (state.mode === 'ics-people') await runIcsPeople(answer);
      else await runPerson(answer);
    } catch (error) {
      if (answer.aborted) return;
      const what = state.mode === 'person' ? 'collaboration networks' : 'how the people and organisations of an Integrated Care System work together';
      const problem = accessProblem(error, what);
      replaceChildren(results, problem ?? errorBox(error, 'The network could not be drawn'),
        problem && state.mode !== 'person' && currentSession() ? h('p', {}, h('a', { href: href('/network') }, 'See the collaboration network around you instead')) : null);
    } finally {
      if (!answer.aborted) results.setAttribute('aria-busy', 'false'); // else a newer request owns it
    }
  }

  async function runPerson(requestSignal: AbortSignal): Promise<void> {
    const opening = !state.around;
    let network: CollaborationNetwork;
    if (opening) {
      // Opened from the navigation: start with yourself, if you have anyone to start from.
      const me = (await gql<{ me: { id: string; employments: { until: string | null; organisation: { integratedCareSystem: { id: string; name: string } | null } }[] } }>(
        `query NetworkMe { me { id employments { until organisation { integratedCareSystem { id name } } } } }`, {}, requestSignal)).me;
      if (requestSignal.aborted) return;
      network = (await gql<{ collaborationNetwork: CollaborationNetwork }>(personNetworkQuery,
        { around: me.id, hops: state.hops, limit: state.limit }, requestSignal)).collaborationNetwork;
      if (requestSignal.aborted) return;
      if (network.edges.length === 0) {
        const own = me.employments.find((e) => !e.until && e.organisation.integratedCareSystem)?.organisation.integratedCareSystem ?? null;
        await chooseFirst(own, requestSignal);
        return;
      }
      state = { ...state, around: me.id };
      recordQuery('/network', queryOf(state), false);
    } else {
      network = (await gql<{ collaborationNetwork: CollaborationNetwork }>(personNetworkQuery,
        { around: state.around, hops: state.hops, limit: state.limit }, requestSignal)).collaborationNetwork;
      if (requestSignal.aborted) return;
    }
    const centre = network.nodes[0];
    if (centre && document.activeElement !== personInput) personInput.value = centre.person.displayName;
    if (!centre) {
      replaceChildren(results, h('p', {}, 'This person is not visible to you, or has no profile.'));
      return;
    }
    const summaryOf = (summary: string) => `${summary}, up to ${plural(network.hops, 'step')} away. `;
    await drawPeopleNetwork(network, requestSignal, {
      centre, title: `Around ${centre.person.displayName}`, describe: `Collaboration network around ${centre.person.displayName}`, summaryOf, side: [],
      fileName: fileStem('collaboration network around', centre.person.displayName),
      truncated: `more people are within reach than the ${count(state.limit)} shown. Choose fewer steps or a larger limit to see them.`,
    });
  }

  /**
   * Someone who has shared no project yet has no network of their own: a network manager sees their ICS's network (with
   * the choice of another), anyone else is asked whom to start from.
   */
  async function chooseFirst(own: { id: string; name: string } | null, requestSignal: AbortSignal): Promise<void> {
    const why = 'You have not shared a project with anyone yet, so there is no network around you to draw.';
    if (manager && own) {
      state = { ...state, mode: 'ics-people', ics: own.id };
      recordQuery('/network', queryOf(state), false);
      syncControls();
      await runIcsPeople(requestSignal, `${why} Here is the network of your Integrated Care System, ${own.name}; choose another ICS, its organisations, or a person above.`);
      return;
    }
    replaceChildren(results,
      h('div', { className: 'notice', role: 'status' },
        h('h2', {}, 'Where to start'),
        h('p', {}, why),
        h('p', {}, manager
          ? 'Choose a person above to see the network around them, or choose “An Integrated Care System” to see how its people and organisations work together.'
          : 'Type the name of a person, or a skill, in “Person at the centre” above and choose someone to see the network around them.')));
    if (manager) return;
    personInput.focus();
  }

  async function runIcsPeople(requestSignal: AbortSignal, opening = ''): Promise<void> {
    if (!state.ics) {
      replaceChildren(results, h('p', {}, 'Choose an Integrated Care System above to see how its people work together.'));
      return;
    }
    const data = await gql<{ systemNetwork: CollaborationNetwork; brokers: Broker[]; organisationCollaboration: { isolated: Organisation[] } }>(
      icsPeopleQuery, { ics: state.ics }, requestSignal);
    if (requestSignal.aborted) return;
    const icsName = icsOptions.find((i) => i.id === state.ics)?.name ?? 'this Integrated Care System';
    await drawPeopleNetwork({ ...data.systemNetwork, hops: 0 }, requestSignal, {
      centre: null, title: `People in ${icsName}`, describe: `Collaboration network of ${icsName}`,
      summaryOf: (summary) => `${opening ? `${opening} ` : ''}${summary}. `,
      side: [brokersCard(data.brokers, state.ics, icsName), isolatedCard(data.organisationCollaboration.isolated)],
      fileName: fileStem('collaboration network', icsName),
      truncated: `the ${count(data.systemNetwork.nodes.length)} people most collaboration chains pass through are drawn; more work in this ICS. The organisations view shows all of it.`,
    });
  }

  interface PeopleView {
    /** The person the network is drawn around, or null for a whole ICS. */
    centre: NetworkNode | null;
    title: string;
    describe: string;
    summaryOf: (summary: string) => string;
    /** Cards beside the graph, under the selected person. */
    side: HTMLElement[];
    /** What to say when the network is truncated. */
    truncated: string;
    /** The PNG's file name, without extension. */
    fileName: string;
  }

  async function drawPeopleNetwork(network: CollaborationNetwork, requestSignal: AbortSignal, view: PeopleView): Promise<void> {
    const centre = view.centre;
    const people = new Map(network.nodes.map((n) => [n.person.id, n]));
    const links = new Map<string, { other: string; edge: NetworkEdge }[]>();
    for (const edge of network.edges) {
      if (!people.has(edge.from) || !people.has(edge.to)) continue;
      (links.get(edge.from) ?? links.set(edge.from, []).get(edge.from)!).push({ other: edge.to, edge });
      (links.get(edge.to) ?? links.set(edge.to, []).get(edge.to)!).push({ other: edge.from, edge });
    }
    links.forEach((list) => list.sort((a, b) => b.edge.weight - a.edge.weight));

    // Steps from the centre, for the rings of the layout and the table (none for a whole ICS).
    const distance = new Map<string, number>(centre ? [[centre.person.id, 0]] : []);
    const queue = centre ? [centre.person.id] : [];
    while (queue.length) {
      const id = queue.shift()!;
      for (const { other } of links.get(id) ?? []) {
        if (!distance.has(other)) { distance.set(other, (distance.get(id) ?? 0) + 1); queue.push(other); }
      }
    }

    const score = (n: NetworkNode) => n.betweenness;
    // Broker rank within this drawing: 1 for the person most shortest chains pass through; none for who brokers nothing.
    const ranked = network.nodes.filter((n) => n.betweenness > 0).sort((a, b) => b.betweenness - a.betweenness);
    const rankOf = new Map(ranked.map((n, i) => [n.person.id, i + 1]));
    const rankText = (n: NetworkNode) => (rankOf.has(n.person.id) ? `${count(rankOf.get(n.person.id)!)} of ${count(ranked.length)}` : 'not a broker');
    const size = scaler(network.nodes.map(score), network.nodes.length > 150 ? 6 : 14, network.nodes.length > 150 ? 30 : 60);
    const tapWord = touch() ? 'Tap' : 'Click';
    const openWord = touch() ? 'Double-tap' : 'Double-click';
    const noOrganisation = 'none';
    const colours = stableColours(network.nodes.map((n) => n.organisation?.id ?? noOrganisation));
    const colourOf = (n: NetworkNode) => colours.get(n.organisation?.id ?? noOrganisation) ?? '#768692';
    const organisationName = (n: NetworkNode) => n.organisation?.name ?? 'No current organisation';
    const organisationLine = (n: NetworkNode) => (n.organisation
      ? [n.organisation.name, h('span', { className: 'org-detail' }, organisationDetails(n.organisation, organisationTypeLabels, !oneIcs))]
      : 'No current organisation');

    // The ICS is named beside each organisation only when the drawing spans more than one.
    const oneIcs = new Set(network.nodes.map((n) => n.organisation?.integratedCareSystem?.name ?? '')).size <= 1;
    const organisations = new Map<string, { name: string; detail: string; colour: string; people: number }>();
    for (const n of network.nodes) {
      const key = n.organisation?.id ?? noOrganisation;
      const entry = organisations.get(key) ?? { name: organisationName(n), detail: n.organisation ? organisationDetails(n.organisation, organisationTypeLabels, !oneIcs) : '', colour: colourOf(n), people: 0 };
      entry.people += 1;
      organisations.set(key, entry);
    }
    const edgeCount = [...links.values()].reduce((sum, list) => sum + list.length, 0) / 2;
    const summary = `${plural(network.nodes.length, 'person', 'people')} in ${plural(organisations.size, 'organisation')}, ${plural(edgeCount, 'link')}`;

    const container = h('div', { className: 'graph', role: 'img', 'aria-label': `${view.describe}: ${summary}.` });
    const panel = h('section', { className: 'graph-panel card', 'aria-labelledby': 'selected-heading' });
    const showPanel = (id: string | null, focus: boolean) => {
      const node = id ? people.get(id) : null;
      if (!node) {
        replaceChildren(panel, h('h2', { id: 'selected-heading', tabindex: '-1' }, 'Selected person'),
          h('p', { className: 'muted' }, `${tapWord} a person in the graph, or choose one from the list of people below, to see who they work with and on what. ${openWord} someone to put them at the centre.`));
        return;
      }
      const theirLinks = links.get(node.person.id) ?? [];
      const heading = h('h2', { id: 'selected-heading', tabindex: '-1' }, node.person.displayName);
      replaceChildren(panel, heading,
        h('p', {}, personLink(node.person), ' (profile)'),
        h('dl', { className: 'facts' },
          h('dt', {}, 'Organisation'), h('dd', {}, swatch(colourOf(node)), organisationLine(node)),
          h('dt', {}, 'Broker rank'), h('dd', {}, rankText(node)),
          h('dt', {}, 'Shortest chains through them'), h('dd', {}, `${chainShare(node.chainShare)} of the shortest collaboration chains between other people in the network`),
          h('dt', {}, 'Connections'), h('dd', {}, count(theirLinks.length)),
          centre ? [h('dt', {}, 'Steps from the centre'), h('dd', {}, distance.has(node.person.id) ? String(distance.get(node.person.id)) : 'not linked')] : null),
        h('details', {}, h('summary', {}, 'The raw figure'),
          h('p', {}, `Betweenness ${score(node).toLocaleString('en-GB', { maximumFractionDigits: 2 })}: the number of shortest chains between pairs of other members that pass through them (a pair with several shortest chains counts its share of each).`)),
        node.person.id !== centre?.person.id
          ? h('button', { type: 'button', className: 'button button--secondary button--small', onclick: () => apply({ around: node.person.id, mode: 'person' }) }, `Centre the network on ${node.person.displayName}`)
          : null,
        // Keyboard users who chose from the list get back to where they were.
        h('button', { type: 'button', className: 'link-button', onclick: () => document.getElementById(`row-${node.person.id}`)?.focus() }, `Back to ${node.person.displayName} in the list of people`),
        h('h3', {}, theirLinks.length ? `Works with ${plural(theirLinks.length, 'person', 'people')} here` : 'No links drawn'),
        h('ul', { className: 'link-list' }, theirLinks.map(({ other, edge }) => {
          const person = people.get(other)!;
          return h('li', {},
            h('button', { type: 'button', className: 'link-button', onclick: () => select(other, true) }, person.person.displayName),
            h('span', { className: 'muted' }, ` · ${organisationName(person)}${person.organisation?.odsCode ? ` (${person.organisation.odsCode})` : ''} · ${plural(edge.weight, 'shared project')}`),
            edge.projects.length ? h('ul', {}, edge.projects.map((p) => h('li', {}, p.title))) : null);
        })));
      if (focus) heading.focus();
    };
    const select = (id: string | null, fromText: boolean) => {
      graph?.select(id);
      showPanel(id, fromText);
      const node = id ? people.get(id) : null;
      if (node) announce(`Selected ${node.person.displayName}, ${organisationName(node)}.`);
    };
    showPanel(null, false);

    const legend = [
      h('ul', { className: 'graph-legend-notes' },
        h('li', {}, h('strong', {}, 'Circle size: '), 'how many of the shortest collaboration chains between other people pass through the person. The biggest circles are the brokers.'),
        h('li', {}, h('strong', {}, 'Colour: '), 'their organisation (below, with how many people of it are drawn).'),
        h('li', {}, h('strong', {}, 'Line thickness: '), 'how many projects the two share.'),
        h('li', {}, h('strong', {}, 'Names: '), `shown where they fit, the brokers first. Zoom in for more, or point at or ${tapWord.toLowerCase()} a person.`)),
      h('ul', { className: 'legend', 'aria-label': 'Organisations and their colours' },
        [...organisations.values()].sort((a, b) => b.people - a.people || a.name.localeCompare(b.name))
          .map((o) => h('li', {}, swatch(o.colour), `${o.name}${o.detail ? ` (${o.detail})` : ''}: ${plural(o.people, 'person', 'people')}`))),
    ];

    const rows = [...network.nodes].sort((a, b) => score(b) - score(a) || a.person.displayName.localeCompare(b.person.displayName));
    const table = h('table', { className: 'node-table' },
      h('caption', {}, 'People in the network, brokers first (those most shortest collaboration chains pass through). Choose a name to select it in the graph.'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Person'), h('th', { scope: 'col' }, 'Organisation'),
        h('th', { scope: 'col', className: 'number' }, 'Broker rank'),
        h('th', { scope: 'col', className: 'number' }, 'Share of shortest chains'),
        h('th', { scope: 'col', className: 'number' }, 'Connections'),
        centre ? h('th', { scope: 'col', className: 'number' }, 'Steps') : null)),
      h('tbody', {}, rows.map((n) => h('tr', {},
        h('th', { scope: 'row' }, h('button', {
          type: 'button', id: `row-${n.person.id}`, className: 'link-button', onclick: () => select(n.person.id, true),
          onfocus: () => graph?.reveal(n.person.id), onblur: () => graph?.reveal(null),
        }, n.person.displayName),
          n.person.id === centre?.person.id ? ' (centre)' : ''),
        h('td', {}, swatch(colourOf(n)), organisationLine(n)),
        h('td', { className: 'number' }, rankOf.has(n.person.id) ? count(rankOf.get(n.person.id)!) : '–'),
        h('td', { className: 'number' }, chainShare(n.chainShare)),
        h('td', { className: 'number' }, count(links.get(n.person.id)?.length ?? 0)),
        centre ? h('td', { className: 'number' }, distance.has(n.person.id) ? String(distance.get(n.person.id)) : '–') : null))));

    replaceChildren(results,
      h('h2', {}, view.title),
      h('p', { className: 'result-count' }, view.summaryOf(summary),
        'Larger circles are brokers: many collaboration chains pass through them.',
        centre ? ' The centre person has a thick black ring.' : ` ${openWord} someone to see the network around them.`),
      h('div', { className: 'downloads' },
        downloadButton('Download the graph (PNG)', async () => {
          if (!graph) throw new Error('the graph is still being drawn');
          return { blob: await graph.png(), fileName: `${view.fileName}.png` };
        }),
        centre ? null : csvButton('Download the brokers (CSV)', 'brokers', state.ics, fileStem('brokers', view.fileName))),
      network.truncated
        ? h('p', { className: 'notice notice--warning' }, h('strong', {}, 'Truncated: '), view.truncated)
        : null,
      h('div', { className: 'network-layout' },
        h('div', { className: 'graph-column' },
          h('div', { className: 'graph-wrap' }, container),
          h('h3', { className: 'legend-title' }, 'Reading the graph'), legend),
        h('div', { className: 'side-column' }, panel, view.side)),
      h('h2', {}, 'People in the network'),
      tableScroll(table, 'People in the network'));
    announce(`${view.describe}: ${summary}.`);

    const nodes: GraphNode[] = network.nodes.map((n) => ({
      id: n.person.id,
      label: n.person.displayName,
      detail: n.organisation ? `${organisationName(n)} (${organisationDetails(n.organisation, organisationTypeLabels, false)})` : organisationName(n),
      color: colourOf(n),
      priority: rankOf.has(n.person.id) ? 1e6 - rankOf.get(n.person.id)! : size(score(n)),
      size: n.person.id === centre?.person.id ? Math.max(size(score(n)), 36) : size(score(n)),
      level: distance.get(n.person.id) ?? network.hops + 1,
      centre: n.person.id === centre?.person.id,
    }));
    const widths = scaler(network.edges.map((e) => e.weight), 1, 8);
    const edges: GraphEdge[] = network.edges.filter((e) => people.has(e.from) && people.has(e.to)).map((e, i) => ({
      id: `e${i}`, source: e.from, target: e.to, width: widths(e.weight), title: plural(e.weight, 'shared project'),
    }));
    const drawn = await drawGraph(container, nodes, edges, {
      layout: centre ? 'rings' : 'cose',
      onSelect: (id) => { showPanel(id, false); },
      onOpen: (id) => { if (id !== centre?.person.id) apply({ around: id, mode: 'person' }); },
    });
    if (requestSignal.aborted) { drawn.destroy(); return; }
    graph = drawn;
  }

  async function runIcs(requestSignal: AbortSignal): Promise<void> {
    if (!state.ics) {
      replaceChildren(results, h('p', {}, 'Choose an Integrated Care System above to see how its organisations work together.'));
      return;
    }
    const data = await gql<{ organisationCollaboration: OrganisationCollaboration; brokers: Broker[]; communities: Community[] }>(
      organisationNetworkQuery, { ics: state.ics }, requestSignal);
    if (requestSignal.aborted) return;
    await drawOrganisationNetwork(data.organisationCollaboration, data.brokers, data.communities, requestSignal);
  }

  async function drawOrganisationNetwork(collaboration: OrganisationCollaboration, brokers: Broker[], communities: Community[], requestSignal: AbortSignal): Promise<void> {
    const icsName = icsOptions.find((i) => i.id === state.ics)?.name ?? 'this Integrated Care System';
    const shares = new Map(collaboration.organisations.map((o) => [o.organisation.id, o]));
    const isolatedIds = new Set(collaboration.isolated.map((o) => o.id));
    const organisations = new Map<string, Organisation>();
    collaboration.organisations.forEach((o) => organisations.set(o.organisation.id, o.organisation));
    collaboration.isolated.forEach((o) => organisations.set(o.id, o));
    const partners = new Map<string, { other: string; weight: number; collaborations: number }[]>();
    for (const link of collaboration.links) {
      if (!organisations.has(link.from.id) || !organisations.has(link.to.id)) continue;
      (partners.get(link.from.id) ?? partners.set(link.from.id, []).get(link.from.id)!).push({ other: link.to.id, weight: link.weight, collaborations: link.collaborations });
      (partners.get(link.to.id) ?? partners.set(link.to.id, []).get(link.to.id)!).push({ other: link.from.id, weight: link.weight, collaborations: link.collaborations });
    }
    partners.forEach((list) => list.sort((a, b) => b.weight - a.weight));
    const weightOf = (id: string) => shares.get(id)?.collaborationWeight ?? 0;
    const colourOf = (o: Organisation) => typeColours[o.type] ?? '#000000';
    const linkCount = [...partners.values()].reduce((sum, list) => sum + list.length, 0) / 2;
    const summary = `${plural(organisations.size, 'organisation')}, ${plural(linkCount, 'link')} between them, ${count(collaboration.isolated.length)} isolated`;

    const container = h('div', { className: 'graph', role: 'img', 'aria-label': `Organisation collaboration in ${icsName}: ${summary}.` });
    const panel = h('section', { className: 'graph-panel card', 'aria-labelledby': 'selected-heading' });
    const showPanel = (id: string | null, focus: boolean) => {
      const organisation = id ? organisations.get(id) : null;
      if (!organisation) {
        replaceChildren(panel, h('h2', { id: 'selected-heading', tabindex: '-1' }, 'Selected organisation'),
          h('p', { className: 'muted' }, 'Click an organisation in the graph, or choose one from the table below, to see whom it works with.'));
        return;
      }
      const share = shares.get(organisation.id);
      const theirPartners = partners.get(organisation.id) ?? [];
      const heading = h('h2', { id: 'selected-heading', tabindex: '-1' }, organisation.name);
      replaceChildren(panel, heading,
        h('dl', { className: 'facts' },
          h('dt', {}, 'ODS code'), h('dd', {}, organisation.odsCode ?? 'none'),
          h('dt', {}, 'Type'), h('dd', {}, swatch(colourOf(organisation)), label(organisationTypeLabels, organisation.type)),
          h('dt', {}, 'Integrated Care System'), h('dd', {}, icsName),
          h('dt', {}, 'Collaboration weight'), h('dd', {}, count(share?.collaborationWeight ?? 0)),
          h('dt', {}, 'Across organisations'), h('dd', {}, `${count(share?.crossBoundaryWeight ?? 0)} (${percent(share?.crossBoundaryShare ?? 0)})`),
          isolatedIds.has(organisation.id) ? [h('dt', {}, 'Isolated'), h('dd', {}, 'Yes: no shared project with another organisation')] : null),
        h('h3', {}, theirPartners.length ? `Works with ${plural(theirPartners.length, 'organisation')}` : 'No partner organisations'),
        h('ul', { className: 'link-list' }, theirPartners.map((p) => h('li', {},
          h('button', { type: 'button', className: 'link-button', onclick: () => select(p.other, true) }, organisations.get(p.other)?.name ?? p.other,
            organisations.get(p.other)?.odsCode ? ` (${organisations.get(p.other)!.odsCode})` : ''),
          h('span', { className: 'muted' }, ` · ${plural(p.weight, 'shared project')} · ${plural(p.collaborations, 'pair')} of people`)))));
      if (focus) heading.focus();
    };
    const select = (id: string | null, fromText: boolean) => {
      graph?.select(id);
      showPanel(id, fromText);
      const organisation = id ? organisations.get(id) : null;
      if (organisation) announce(`Selected ${organisation.name}.`);
    };
    showPanel(null, false);

    const typesDrawn = [...new Set([...organisations.values()].map((o) => o.type))].sort((a, b) => label(organisationTypeLabels, a).localeCompare(label(organisationTypeLabels, b)));
    const legend = h('ul', { className: 'legend', 'aria-label': 'Organisation types and their colours' },
      typesDrawn.map((type) => h('li', {}, swatch(typeColours[type] ?? '#000000'), label(organisationTypeLabels, type))),
      collaboration.isolated.length ? h('li', {}, swatch('#ffffff', true), 'Dashed border: isolated') : null);
    const legendNotes = h('ul', { className: 'graph-legend-notes' },
      h('li', {}, h('strong', {}, 'Circle size: '), 'collaboration weight, the projects its people share with anyone, summed over the pairs of people.'),
      h('li', {}, h('strong', {}, 'Colour: '), 'the type of organisation (below).'),
      h('li', {}, h('strong', {}, 'Line thickness: '), 'projects shared between the two organisations\' people.'),
      h('li', {}, h('strong', {}, 'Names: '), `shown where they fit, the most collaborative first; zoom in for more, or point at or ${touch() ? 'tap' : 'click'} an organisation.`));

    const rows = [...organisations.values()].sort((a, b) => weightOf(b.id) - weightOf(a.id) || a.name.localeCompare(b.name));
    const table = h('table', { className: 'node-table' },
      h('caption', {}, 'Organisations, most collaboration first. Choose a name to select it in the graph.'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Organisation'), h('th', { scope: 'col' }, 'ODS code'), h('th', { scope: 'col' }, 'Type'),
        h('th', { scope: 'col', className: 'number' }, 'Collaboration weight'),
        h('th', { scope: 'col', className: 'number' }, 'Across organisations'),
        h('th', { scope: 'col', className: 'number' }, 'Partners'))),
      h('tbody', {}, rows.map((o) => h('tr', {},
        h('th', { scope: 'row' }, h('button', {
          type: 'button', className: 'link-button', onclick: () => select(o.id, true), onfocus: () => graph?.reveal(o.id), onblur: () => graph?.reveal(null),
        }, o.name),
          isolatedIds.has(o.id) ? ' (isolated)' : ''),
        h('td', {}, o.odsCode ?? '–'),
        h('td', {}, swatch(colourOf(o)), label(organisationTypeLabels, o.type)),
        h('td', { className: 'number' }, count(weightOf(o.id))),
        h('td', { className: 'number' }, percent(shares.get(o.id)?.crossBoundaryShare ?? 0)),
        h('td', { className: 'number' }, count(partners.get(o.id)?.length ?? 0))))));

    const brokerSection = brokersCard(brokers, state.ics, icsName);
    const isolatedSection = isolatedCard(collaboration.isolated, (id) => select(id, true));

    const communitySection: Child = communities.length
      ? h('section', { 'aria-labelledby': 'communities-heading' },
        h('h2', { id: 'communities-heading' }, 'Communities'),
        h('p', { className: 'muted' }, 'Clusters of people who work together, largest first.'),
        h('ol', { className: 'community-list' }, communities.slice(0, 12).map((c) => h('li', {},
          h('strong', {}, `Community ${c.number}: ${plural(c.size, 'person', 'people')}`),
          c.organisations.length ? h('p', {}, 'Organisations: ', c.organisations.map((o) => (o.odsCode ? `${o.name} (${o.odsCode})` : o.name)).join(', ')) : null,
          c.dominantSkills.length ? h('p', { className: 'muted' }, 'Most held skills: ', c.dominantSkills.map((s) => `${s.name} (${label(domainLabels, s.domain)})`).join(', ')) : null))))
      : null;

    replaceChildren(results,
      h('h2', {}, `Organisations in ${icsName}`),
      h('p', { className: 'result-count' }, `${summary}. Larger circles collaborate more; thicker links share more projects.`),
      h('div', { className: 'downloads' },
        downloadButton('Download the graph (PNG)', async () => {
          if (!graph) throw new Error('the graph is still being drawn');
          return { blob: await graph.png(), fileName: `${fileStem('organisation collaboration', icsName)}.png` };
        }),
        csvButton('Download the organisations (CSV)', 'organisation-collaboration', state.ics, fileStem('organisation collaboration', icsName))),
      h('div', { className: 'network-layout' },
        h('div', { className: 'graph-column' },
          h('div', { className: 'graph-wrap' }, container),
          h('h3', { className: 'legend-title' }, 'Reading the graph'), legendNotes,
          h('h3', { className: 'legend-title' }, 'Organisation types'), legend),
        h('div', { className: 'side-column' }, panel, brokerSection, isolatedSection)),
      h('h2', {}, 'Organisations'),
      tableScroll(table, 'Organisations'),
      communitySection);
    announce(`Organisation collaboration in ${icsName}: ${summary}.`);

    const size = scaler(rows.map((o) => weightOf(o.id)), 16, 70);
    const nodes: GraphNode[] = rows.map((o) => ({
      id: o.id, label: o.name, detail: organisationDetails(o, organisationTypeLabels, false), color: colourOf(o), size: size(weightOf(o.id)), dashed: isolatedIds.has(o.id),
    }));
    const widths = scaler(collaboration.links.map((l) => l.weight), 1.5, 10);
    const edges: GraphEdge[] = collaboration.links.filter((l) => organisations.has(l.from.id) && organisations.has(l.to.id)).map((l, i) => ({
      id: `l${i}`, source: l.from.id, target: l.to.id, width: widths(l.weight), title: plural(l.weight, 'shared project'),
    }));
    const drawn = await drawGraph(container, nodes, edges, { layout: 'cose', onSelect: (id) => { showPanel(id, false); } });
    if (requestSignal.aborted) { drawn.destroy(); return; }
    graph = drawn;
  }

  // First draw.
  syncControls();
  if (!currentSession()) {
    replaceChildren(results, needSignIn('collaboration networks'));
    return undefined;
  }
  if (manager) {
    try {
      icsOptions = await integratedCareSystems();
      if (signal.aborted) return releaseGraph;
      replaceChildren(icsSelect, h('option', { value: '' }, 'Choose an ICS'),
        icsOptions.map((ics) => h('option', { value: ics.id, ...(ics.id === state.ics ? { selected: true } : {}) }, ics.name)));
    } catch (error) {
      if (signal.aborted) return releaseGraph;
      form.append(errorBox(error, 'The list of Integrated Care Systems could not be loaded'));
    }
  }
  await run();
  return releaseGraph; // the router's page signal cancels any request still running
}

/** The people most collaboration chains pass through, with links to their networks; their raw betweenness in the details. */
function brokersCard(brokers: Broker[], icsId: string, icsName: string): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': 'brokers-heading' },
    h('h2', { id: 'brokers-heading' }, 'Brokers'),
    h('p', { className: 'muted' }, 'The people most shortest collaboration chains pass through: losing them would split the network. "Share of chains" is the part of all the shortest chains between pairs of other people, across the whole network of every ICS, that runs through them.'),
    brokers.length
      ? [tableScroll(h('table', {},
        h('caption', { className: 'visually-hidden' }, 'Brokers, rank 1 first'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col', className: 'number' }, 'Rank'), h('th', { scope: 'col' }, 'Person'),
          h('th', { scope: 'col', className: 'number' }, 'Share of chains'), h('th', { scope: 'col', className: 'number' }, 'Organisations bridged'))),
        h('tbody', {}, brokers.map((b) => h('tr', {},
          h('td', { className: 'number' }, count(b.rank)),
          h('th', { scope: 'row' }, personLink(b.person), ' ',
            h('a', { href: href('/network', { around: b.person.id }), className: 'small-link' }, h('span', { className: 'visually-hidden' }, `${b.person.displayName}'s `), 'network')),
          h('td', { className: 'number' }, chainShare(b.chainShare)),
          h('td', { className: 'number' }, count(b.organisationsBridged)))))), 'Brokers'),
      h('details', {}, h('summary', {}, 'Raw betweenness'),
        h('p', {}, 'Betweenness counts the shortest chains between pairs of other members that pass through a person (a pair with several shortest chains counts its share of each); sampled on very large networks.'),
        h('ul', {}, brokers.map((b) => h('li', {}, `${b.rank}. ${b.person.displayName}: ${b.betweenness.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`)))),
      h('div', { className: 'downloads' }, csvButton('Download the brokers (CSV)', 'brokers', icsId, fileStem('brokers', icsName)))]
      : h('p', {}, 'Nobody links people who would otherwise not be connected.'));
}

/** Organisations whose people share no project with another organisation; chosen in the graph when it draws them. */
function isolatedCard(isolated: Organisation[], choose?: (id: string) => void): HTMLElement {
  return h('section', { className: 'card', 'aria-labelledby': 'isolated-heading' },
    h('h2', { id: 'isolated-heading' }, 'Isolated organisations'),
    h('p', { className: 'muted' }, 'Their people share no project with anyone in another organisation.'),
    isolated.length
      ? h('ul', { className: 'link-list' }, [...isolated].sort((a, b) => a.name.localeCompare(b.name) || (a.odsCode ?? '').localeCompare(b.odsCode ?? '')).map((o) => h('li', {},
        choose ? h('button', { type: 'button', className: 'link-button', onclick: () => choose(o.id) }, o.name) : o.name,
        h('span', { className: 'muted' }, ` · ${organisationDetails(o, organisationTypeLabels, false)}`))))
      : h('p', {}, 'None: every organisation works with at least one other.'));
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
