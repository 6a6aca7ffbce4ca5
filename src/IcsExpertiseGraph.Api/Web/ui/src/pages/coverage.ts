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
import { count, csvButton, downloadButton, errorBox, fileStem, loading, organisationDetails, pageHeading, plural, tableScroll } from '../ui';

const coverageQuery = `query ExpertiseCoverage($ics: ID!) {
  expertiseCoverage(icsId: $ics) {
    integratedCareSystem { id name }
    peopleCounted peopleInNoPlace
    domains { domain expertCount practitionerCount organisationCount placeCount share }
    gaps { id name domain }
    balance { assuranceShare planningImprovementControlShare assuranceDominates statement }
    places { place { id name } peopleCounted cells { domain expertCount practitionerCount } }
    placesTotal { peopleCounted cells { domain expertCount practitionerCount } }
    organisations { organisation { id name odsCode type } peopleCounted cells { domain expertCount practitionerCount } }
    organisationsTotal { peopleCounted cells { domain expertCount practitionerCount } }
  }
}`;

interface Cell { domain: string; expertCount: number; practitionerCount: number }
interface Row { id: string; name: string; detail: string; peopleCounted: number; cells: Cell[] }
interface Total { peopleCounted: number; cells: Cell[] }
interface Coverage {
  integratedCareSystem: { id: string; name: string };
  peopleCounted: number;
  peopleInNoPlace: number;
  placesTotal: Total;
  organisationsTotal: Total;
  domains: { domain: string; expertCount: number; practitionerCount: number; organisationCount: number; placeCount: number; share: number }[];
  gaps: { id: string; name: string; domain: string }[];
  balance: { assuranceShare: number; planningImprovementControlShare: number; assuranceDominates: boolean; statement: string };
  places: { place: { id: string; name: string }; peopleCounted: number; cells: Cell[] }[];
  organisations: { organisation: { id: string; name: string; odsCode: string | null; type: string }; peopleCounted: number; cells: Cell[] }[];
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
      : coverage.organisations.map((o) => ({ id: o.organisation.id, name: o.organisation.name, detail: organisationDetails(o.organisation, organisationTypeLabels, false), peopleCounted: o.peopleCounted, cells: o.cells }));
  }

  /** What the heatmap shows now, with the distinct total row and the words that say what each figure counts. */
  function heatmapOf(coverage: Coverage) {
    const rows = rowsOf(coverage);
    const byPlace = state.rows === 'places';
    const total = byPlace ? coverage.placesTotal : coverage.organisationsTotal;
    const primary = (c: Cell | undefined) => (c ? (state.measure === 'experts' ? c.expertCount : c.practitionerCount) : 0);
    const secondary = (c: Cell | undefined) => (c ? (state.measure === 'experts' ? c.practitionerCount : c.expertCount) : 0);
    const max = Math.max(0, ...rows.flatMap((r) => r.cells.map(primary)));
    const rowSum = rows.reduce((sum, r) => sum + r.peopleCounted, 0);
    const what = state.measure === 'experts' ? 'people at expert or coach level' : 'people at practitioner level (not expert)';
    return { rows, byPlace, total, primary, secondary, max, rowSum, what };
  }

  function drawHeatmap(coverage: Coverage): void {
    const { rows, byPlace, total, primary, secondary, max, rowSum, what } = heatmapOf(coverage);
    const primaryWord = state.measure === 'experts' ? 'experts' : 'practitioners';
    const secondaryWord = state.measure === 'experts' ? 'practitioners' : 'experts';
    const cellsOf = (cells: Cell[], heat: boolean) => {
      const byDomain = new Map(cells.map((c) => [c.domain, c]));
      return domains.map((d) => {
        const cell = byDomain.get(d);
        const value = primary(cell);
        return h('td', { className: heat ? `heat-${heatLevel(value, max)}` : 'number' },
          h('span', { className: 'primary' }, count(value), h('span', { className: 'visually-hidden' }, ` ${primaryWord}`)),
          h('span', { className: 'secondary' }, count(secondary(cell)), h('span', { className: 'visually-hidden' }, ` ${secondaryWord}`), h('span', { 'aria-hidden': 'true' }, state.measure === 'experts' ? ' pr.' : ' ex.')));
      });
    };
    const area = byPlace ? 'place' : 'organisation';
    const table = h('table', { className: 'heatmap' },
      h('caption', {}, `Coverage by ${area}: in each quality domain, the large figure counts ${what}; the smaller figure counts ${secondaryWord}. The last row counts each person once.`),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, byPlace ? 'Place' : 'Organisation'),
        h('th', { scope: 'col', className: 'number' }, `People in this ${area}`),
        domains.map((d) => h('th', { scope: 'col' }, label(domainLabels, d))))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        h('th', { scope: 'row' }, row.name, row.detail ? h('span', { className: 'org-detail' }, row.detail) : null),
        h('td', { className: 'number' }, count(row.peopleCounted)),
        cellsOf(row.cells, true)))),
      h('tfoot', {}, h('tr', {},
        h('th', { scope: 'row' }, `All ${byPlace ? 'places' : 'organisations'}, each person once`),
        h('td', { className: 'number' }, count(total.peopleCounted)),
        cellsOf(total.cells, false))));
    const overlap = rowSum - total.peopleCounted;
    const note = h('div', { className: 'coverage-note notice', role: 'note' },
      h('p', {}, byPlace
        ? `A place counts the people working for organisations that serve it. An organisation often serves several places, so one person can count in several rows: the rows add up to ${count(rowSum)}, but they are ${plural(total.peopleCounted, 'person', 'people')}${overlap > 0 ? `, ${count(overlap)} fewer` : ''}. The last row counts each person once, in every domain.`
        : `An organisation counts the people who work there now. Someone with two posts counts in both rows: the rows add up to ${count(rowSum)}, but they are ${plural(total.peopleCounted, 'person', 'people')}. The last row counts each person once, in every domain.`),
      byPlace && coverage.peopleInNoPlace > 0
        ? h('p', {}, `${plural(coverage.peopleInNoPlace, 'person works', 'people work')} for organisations that serve no place recorded here: they are in the totals, not in any place row.`)
        : null);
    replaceChildren(heatmapSlot,
      rows.length ? [note, heatKey(max), tableScroll(table, 'Heatmap'),
        h('div', { className: 'downloads' },
          downloadButton('Download the heatmap (PNG)', async () => ({ blob: await heatmapPicture(coverage), fileName: `${fileStem('coverage', byPlace ? 'places' : 'organisations', primaryWord, coverage.integratedCareSystem.name)}.png` })),
          csvButton('Download the heatmap (CSV)', 'coverage', coverage.integratedCareSystem.id, fileStem('coverage', coverage.integratedCareSystem.name)))]
        : h('p', {}, byPlace ? 'This ICS has no places recorded.' : 'Nobody you may see works for an organisation in this ICS.'));
  }

  /** The heatmap as a picture for a board pack: drawn on a canvas from the same figures and colours as the table. */
  async function heatmapPicture(coverage: Coverage): Promise<Blob> {
    const { rows, byPlace, total, primary, max, what } = heatmapOf(coverage);
    const scale = 2;
    const nameWidth = 300; const peopleWidth = 90; const cellWidth = 120; const rowHeight = 30; const top = 90;
    const width = nameWidth + peopleWidth + cellWidth * domains.length + 20;
    const height = top + rowHeight * (rows.length + 2) + 40;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale; canvas.height = height * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('this browser cannot draw pictures');
    g.scale(scale, scale);
    g.fillStyle = '#ffffff'; g.fillRect(0, 0, width, height);
    const fills = [...Array(6).keys()].map((level) => getComputedStyle(heatmapSlot.querySelector(`.heat-${level}`) ?? document.body).backgroundColor);
    const text = (value: string, x: number, y: number, bold = false, colour = '#212b32', align: CanvasTextAlign = 'left') => {
      g.font = `${bold ? 'bold ' : ''}13px Arial, Helvetica, sans-serif`; g.fillStyle = colour; g.textAlign = align; g.fillText(value, x, y);
    };
    text(`Expertise coverage: ${coverage.integratedCareSystem.name}`, 10, 24, true);
    text(`By ${byPlace ? 'place' : 'organisation'}: ${what} per quality domain. Last row: each person once.`, 10, 46);
    const header = [byPlace ? 'Place' : 'Organisation', 'People', ...domains.map((d) => label(domainLabels, d))];
    const xs = [10, nameWidth, nameWidth + peopleWidth, ...domains.map((_, i) => nameWidth + peopleWidth + cellWidth * (i + 1))];
    header.forEach((h2, i) => text(h2.length > 16 && i > 1 ? `${h2.slice(0, 15)}…` : h2, xs[i]! + (i === 0 ? 0 : 4), top - 10, true));
    const drawRow = (name: string, people: number, cells: Cell[], y: number, heat: boolean) => {
      const byDomain = new Map(cells.map((c) => [c.domain, c]));
      text(name.length > 40 ? `${name.slice(0, 39)}…` : name, 10, y + 20, !heat);
      text(count(people), xs[2]! - 8, y + 20, false, '#212b32', 'right');
      domains.forEach((d, i) => {
        const value = primary(byDomain.get(d));
        const level = heat ? heatLevel(value, max) : 0;
        g.fillStyle = heat ? fills[level] ?? '#ffffff' : '#ffffff';
        g.fillRect(xs[i + 2]! + 2, y + 2, cellWidth - 4, rowHeight - 4);
        text(count(value), xs[i + 2]! + cellWidth / 2, y + 20, !heat, level >= 4 ? '#ffffff' : '#212b32', 'center');
      });
      g.strokeStyle = '#aeb7bd'; g.beginPath(); g.moveTo(10, y + rowHeight); g.lineTo(width - 10, y + rowHeight); g.stroke();
    };
    rows.forEach((row, i) => drawRow(row.name, row.peopleCounted, row.cells, top + rowHeight * i, true));
    drawRow(`All ${byPlace ? 'places' : 'organisations'}, each person once`, total.peopleCounted, total.cells, top + rowHeight * rows.length + 6, false);
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))), 'image/png'));
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
      h('p', { className: 'result-count' }, `${plural(coverage.peopleCounted, 'person', 'people')} counted, each once: everyone working in this ICS whom you may see. Every figure below counts people.`),
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
          h('p', { className: 'muted' }, 'Each person once in each domain, by their deepest skill in it: experts are at expert or coach level; practitioners at practitioner level and no deeper. Organisations and places are those these people work for and serve; the share is the domain\'s part of every practitioner-or-deeper skill held here.'),
          tableScroll(h('table', { 'aria-labelledby': 'totals-heading' },
            h('thead', {}, h('tr', {},
              h('th', { scope: 'col' }, 'Quality domain'),
              h('th', { scope: 'col', className: 'number' }, 'Experts (people)'),
              h('th', { scope: 'col', className: 'number' }, 'Practitioners (people)'),
              h('th', { scope: 'col', className: 'number' }, 'Organisations'),
              h('th', { scope: 'col', className: 'number' }, 'Places'),
              h('th', { scope: 'col', className: 'number' }, 'Share of skills'))),
            h('tbody', {}, coverage.domains.map((d) => h('tr', {},
              h('th', { scope: 'row' }, label(domainLabels, d.domain)),
              h('td', { className: 'number' }, count(d.expertCount)),
              h('td', { className: 'number' }, count(d.practitionerCount)),
              h('td', { className: 'number' }, count(d.organisationCount)),
              h('td', { className: 'number' }, count(d.placeCount)),
              h('td', { className: 'number' }, percent(d.share)))))), 'Totals by domain'),
          h('div', { className: 'downloads' },
            csvButton('Download the totals (CSV)', 'coverage-domains', coverage.integratedCareSystem.id, fileStem('coverage totals', coverage.integratedCareSystem.name)))),
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
