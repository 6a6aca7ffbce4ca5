// Expertise coverage (network managers): for one ICS, a heatmap of quality domains by place (or by
// organisation), the totals per domain, the skills nobody holds at expert level, and whether assurance crowds out
// planning, improvement and control. The heatmap is a table: every cell says its number; colour only repeats it.

import { gql } from '../api';
import { accessProblem, needNetworkManager, needSignIn } from '../access';
import { announce, h, replaceChildren, uid } from '../dom';
import { domainLabels, label, organisationTypeLabels } from '../labels';
import { integratedCareSystems, type IcsOption } from '../reference';
import { newestOnly, recordQuery, type PageContext } from '../router';
import { currentSession, isNetworkManager } from '../session';
import { count, errorBox, loading, pageHeading } from '../ui';

const coverageQuery = `query ExpertiseCoverage($ics: ID!) {
  expertiseCoverage(icsId: $ics) {
    integratedCareSystem { id name }
    peopleCounted
    domains { domain expertCount practitionerCount organisationCount placeCount share }
    gaps { id name domain }
    balance { assuranceShare planningImprovementControlShare assuranceDominates statement }
    places { place { id name } peopleCounted cells { domain expertCount practitionerCount } }
    organisations { organisation { id name type } peopleCounted cells { domain expertCount practitionerCount } }
  }
}`;

interface Cell { domain: string; expertCount: number; practitionerCount: number }
interface Row { id: string; name: string; detail: string; peopleCounted: number; cells: Cell[] }
interface Coverage {
  integratedCareSystem: { id: string; name: string };
  peopleCounted: number;
  domains: { domain: string; expertCount: number; practitionerCount: number; organisationCount: number; placeCount: number; share: number }[];
  gaps: { id: string; name: string; domain: string }[];
  balance: { assuranceShare: number; planningImprovementControlShare: number; assuranceDominates: boolean; statement: string };
  places: { place: { id: string; name: string }; peopleCounted: number; cells: Cell[] }[];
  organisations: { organisation: { id: string; name: string; type: string }; peopleCounted: number; cells: Cell[] }[];
}

type Rows = 'places' | 'organisations';
type Measure = 'experts' | 'practitioners';
interface State { ics: string; rows: Rows; measure: Measure }

const domains = Object.keys(domainLabels);
const what = 'expertise coverage';

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** 0 for none; otherwise 1..5 by the value's part of the largest value shown. */
function heatLevel(value: number, max: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((5 * value) / max)));
}

/** The key: the whole numbers each colour stands for. */
function heatKey(max: number): HTMLElement {
  const items = [h('li', {}, h('span', { className: 'swatch heat-0', 'aria-hidden': 'true' }), '0 (hatched: nobody)')];
  for (let level = 1; level <= 5; level += 1) {
    const low = Math.floor((max * (level - 1)) / 5) + 1;
    const high = Math.floor((max * level) / 5);
    if (low > high) continue;
    items.push(h('li', {}, h('span', { className: `swatch heat-${level}`, 'aria-hidden': 'true' }), low === high ? String(low) : `${low} to ${high}`));
  }
  return h('ul', { className: 'heat-key', 'aria-label': 'Colour key: darker means more people' }, items);
}

export async function coveragePage({ main, query, signal }: PageContext): Promise<void> {
  let state: State = {
    ics: query.get('ics') ?? '',
    rows: query.get('rows') === 'organisations' ? 'organisations' : 'places',
    measure: query.get('count') === 'practitioners' ? 'practitioners' : 'experts',
  };
  const queryOf = (s: State) => ({ ics: s.ics, rows: s.rows === 'places' ? '' : s.rows, count: s.measure === 'experts' ? '' : s.measure });

  main.append(pageHeading('Expertise coverage'),
    h('p', { className: 'muted' }, 'How well each quality domain is covered across an Integrated Care System, where the gaps are, and whether assurance crowds out planning, improvement and control.'));

  const session = currentSession();
  if (!session) { main.append(needSignIn(what, true)); return; }
  if (!isNetworkManager(session)) { main.append(needNetworkManager(what)); return; }

  const icsSelect = h('select', { id: uid('coverage-ics'), name: 'ics' }, h('option', { value: '' }, 'Choose an ICS'));
  const form = h('form', { className: 'card', 'aria-label': 'Which Integrated Care System' },
    h('div', { className: 'field' }, h('label', { for: icsSelect.id }, 'Integrated Care System'), icsSelect));
  form.addEventListener('submit', (event) => event.preventDefault());
  const results = h('div', { 'aria-busy': 'false' });
  main.append(form, results);

  let data: Coverage | null = null;
  const nextRequest = newestOnly(signal);

  icsSelect.addEventListener('change', () => {
    state = { ...state, ics: icsSelect.value };
    recordQuery('/coverage', queryOf(state), true);
    void run();
  });

  async function run(): Promise<void> {
    const answer = nextRequest();
    icsSelect.value = state.ics;
    if (!state.ics) {
      replaceChildren(results, h('p', {}, 'Choose an Integrated Care System above.'));
      return;
    }
    results.setAttribute('aria-busy', 'true');
    replaceChildren(results, loading('coverage'));
    try {
      const found = await gql<{ expertiseCoverage: Coverage }>(coverageQuery, { ics: state.ics }, answer);
      if (answer.aborted) return;
      data = found.expertiseCoverage;
      draw(data);
    } catch (error) {
      if (answer.aborted) return;
      replaceChildren(results, accessProblem(error, what) ?? errorBox(error, 'The coverage could not be loaded'));
    } finally {
      if (!answer.aborted) results.setAttribute('aria-busy', 'false'); // else a newer request owns it
    }
  }

  const heatmapSlot = h('div', {});

  function rowsOf(coverage: Coverage): Row[] {
    return state.rows === 'places'
      ? coverage.places.map((p) => ({ id: p.place.id, name: p.place.name, detail: '', peopleCounted: p.peopleCounted, cells: p.cells }))
      : coverage.organisations.map((o) => ({ id: o.organisation.id, name: o.organisation.name, detail: label(organisationTypeLabels, o.organisation.type), peopleCounted: o.peopleCounted, cells: o.cells }));
  }

  function drawHeatmap(coverage: Coverage): void {
    const rows = rowsOf(coverage);
    const primary = (c: Cell | undefined) => (c ? (state.measure === 'experts' ? c.expertCount : c.practitionerCount) : 0);
    const secondary = (c: Cell | undefined) => (c ? (state.measure === 'experts' ? c.practitionerCount : c.expertCount) : 0);
    const primaryWord = state.measure === 'experts' ? 'experts' : 'practitioners';
    const secondaryWord = state.measure === 'experts' ? 'practitioners' : 'experts';
    const max = Math.max(0, ...rows.flatMap((r) => r.cells.map(primary)));
    const byPlace = state.rows === 'places';
    const table = h('table', { className: 'heatmap' },
      h('caption', {}, `Coverage by ${byPlace ? 'place' : 'organisation'}: ${state.measure === 'experts' ? 'people at expert or coach level' : 'people at practitioner level (not expert)'} in each quality domain; the smaller figure counts ${secondaryWord}.`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, byPlace ? 'Place' : 'Organisation'),
        h('th', { scope: 'col', className: 'number' }, 'People counted'),
        domains.map((d) => h('th', { scope: 'col' }, label(domainLabels, d))))),
      h('tbody', {}, rows.map((row) => {
        const cells = new Map(row.cells.map((c) => [c.domain, c]));
        return h('tr', {},
          h('th', { scope: 'row' }, row.name, row.detail ? h('span', { className: 'muted small-link' }, ` · ${row.detail}`) : null),
          h('td', { className: 'number' }, count(row.peopleCounted)),
          domains.map((d) => {
            const cell = cells.get(d);
            const value = primary(cell);
            return h('td', { className: `heat-${heatLevel(value, max)}` },
              h('span', { className: 'primary' }, count(value), h('span', { className: 'visually-hidden' }, ` ${primaryWord}`)),
              h('span', { className: 'secondary' }, count(secondary(cell)), h('span', { className: 'visually-hidden' }, ` ${secondaryWord}`), h('span', { 'aria-hidden': 'true' }, state.measure === 'experts' ? ' pr.' : ' ex.')));
          }));
      })));
    replaceChildren(heatmapSlot,
      rows.length ? [heatKey(max), h('div', { className: 'table-scroll' }, table)]
        : h('p', {}, byPlace ? 'This ICS has no places recorded.' : 'Nobody you may see works for an organisation in this ICS.'));
  }

  const choice = <T extends string>(legend: string, name: string, options: [T, string][], current: T, onChange: (value: T) => void) =>
    h('fieldset', { className: 'inline-choice' }, h('legend', {}, legend), options.map(([value, text]) => {
      const id = uid(`${name}-${value}`);
      const radio = h('input', { type: 'radio', id, name, value, ...(value === current ? { checked: true } : {}) });
      radio.addEventListener('change', () => { if (radio.checked) onChange(value); });
      return h('div', { className: 'checkbox' }, radio, h('label', { for: id }, text));
    }));

  function draw(coverage: Coverage): void {
    const balance = coverage.balance;
    const gapsByDomain = domains.map((d) => ({ domain: d, skills: coverage.gaps.filter((g) => g.domain === d) })).filter((g) => g.skills.length);
    const redraw = () => { recordQuery('/coverage', queryOf(state), false); if (data) drawHeatmap(data); };

    drawHeatmap(coverage);
    replaceChildren(results,
      h('h2', {}, coverage.integratedCareSystem.name),
      h('p', { className: 'result-count' }, `${count(coverage.peopleCounted)} people counted (everyone working in this ICS whom you may see).`),
      h('div', { className: `balance${balance.assuranceDominates ? ' balance--warning' : ''}`, role: 'note' },
        h('strong', {}, balance.assuranceDominates ? 'Warning: ' : 'Balance: '),
        balance.statement),
      h('div', { className: 'two-columns coverage-layout' },
        h('section', { 'aria-labelledby': 'heatmap-heading' },
          h('h2', { id: 'heatmap-heading' }, 'Heatmap'),
          h('div', { className: 'inline-fields' },
            choice<Rows>('Rows', 'rows', [['places', 'Places'], ['organisations', 'Organisations']], state.rows, (rows) => { state = { ...state, rows }; redraw(); }),
            choice<Measure>('Count', 'measure', [['experts', 'Experts (expert or coach)'], ['practitioners', 'Practitioners']], state.measure, (measure) => { state = { ...state, measure }; redraw(); })),
          heatmapSlot,
          h('h2', { id: 'totals-heading' }, 'Totals by domain'),
          h('div', { className: 'table-scroll' }, h('table', { 'aria-labelledby': 'totals-heading' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, 'Quality domain'),
              h('th', { scope: 'col', className: 'number' }, 'Experts'),
              h('th', { scope: 'col', className: 'number' }, 'Practitioners'),
              h('th', { scope: 'col', className: 'number' }, 'Organisations'),
              h('th', { scope: 'col', className: 'number' }, 'Places'),
              h('th', { scope: 'col', className: 'number' }, 'Share of skills'))),
            h('tbody', {}, coverage.domains.map((d) => h('tr', {},
              h('th', { scope: 'row' }, label(domainLabels, d.domain)),
              h('td', { className: 'number' }, count(d.expertCount)),
              h('td', { className: 'number' }, count(d.practitionerCount)),
              h('td', { className: 'number' }, count(d.organisationCount)),
              h('td', { className: 'number' }, count(d.placeCount)),
              h('td', { className: 'number' }, percent(d.share)))))))),
        h('section', { className: 'card', 'aria-labelledby': 'gaps-heading' },
          h('h2', { id: 'gaps-heading' }, 'Gaps'),
          h('p', { className: 'muted' }, `Skills nobody in this ICS holds at expert or coach level: ${count(coverage.gaps.length)}.`),
          gapsByDomain.length
            ? gapsByDomain.map((g) => [
              h('h3', {}, `${label(domainLabels, g.domain)} (${count(g.skills.length)})`),
              h('ul', { className: 'gap-list' }, g.skills.map((s) => h('li', {}, s.name)))])
            : h('p', {}, 'None: every skill has at least one expert here.'))));
    announce(`Expertise coverage for ${coverage.integratedCareSystem.name}: ${count(coverage.gaps.length)} gaps. ${balance.statement}`);
  }

  // First draw: the ICS list, and the ICS of your own employer when the address names none.
  let icsOptions: IcsOption[] = [];
  try {
    const [systems, me] = await Promise.all([
      integratedCareSystems(),
      state.ics ? Promise.resolve(null) : gql<{ me: { employments: { until: string | null; organisation: { integratedCareSystem: { id: string } | null } }[] } }>(
        `query CoverageMe { me { employments { until organisation { integratedCareSystem { id } } } } }`, {}, signal).catch(() => null),
    ]);
    if (signal.aborted) return;
    icsOptions = systems;
    if (!state.ics && me) {
      const own = me.me.employments.find((e) => !e.until && e.organisation.integratedCareSystem)?.organisation.integratedCareSystem?.id;
      if (own) { state = { ...state, ics: own }; recordQuery('/coverage', queryOf(state), false); }
    }
  } catch (error) {
    if (signal.aborted) return;
    form.append(errorBox(error, 'The list of Integrated Care Systems could not be loaded'));
  }
  replaceChildren(icsSelect, h('option', { value: '' }, 'Choose an ICS'),
    icsOptions.map((ics) => h('option', { value: ics.id, ...(ics.id === state.ics ? { selected: true } : {}) }, ics.name)));
  await run();
}
