// Pieces every page uses: headings that take focus on navigation, error and loading states, field errors
// beside their inputs, and links to people.

import { ApiError } from './api';
import { announce, h, type Child } from './dom';
import { currentSession } from './session';

/** Sets the page title and its h1, and moves focus there so keyboard and screen-reader users start at the top. */
export function pageHeading(title: string, ...extra: Child[]): HTMLHeadingElement {
  document.title = `${title} · ICS Expertise Graph`;
  const heading = h('h1', { tabindex: '-1', className: 'page-title' }, title, ...extra);
  queueMicrotask(() => heading.focus({ preventScroll: false }));
  return heading;
}

export function loading(what: string): HTMLElement {
  return h('p', { className: 'loading', role: 'status' }, `Loading ${what}…`);
}

/** A page-level error: the API's own messages, with a hint for the codes a user can act on. */
export function errorBox(error: unknown, context = 'That did not work'): HTMLElement {
  const messages = error instanceof ApiError ? error.details.map((d) => d.message) : [error instanceof Error ? error.message : String(error)];
  const hint = error instanceof ApiError ? hintFor(error) : null;
  const box = h('div', { className: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', { className: 'error-title' }, context),
    h('ul', {}, messages.map((m) => h('li', {}, m))),
    hint && h('p', {}, hint));
  announce(`${context}. ${messages.join(' ')}`);
  return box;
}

function hintFor(error: ApiError): Child {
  if (error.has('UNAUTHENTICATED')) return h('span', {}, 'You need to ', h('a', { href: '#/sign-in' }, 'sign in'), ' first.');
  if (error.has('FORBIDDEN')) return 'Your account does not have the role this needs (network managers and administrators only).';
  if (error.has('RATE_LIMITED')) return 'Wait a little and try again.';
  return null;
}

/**
 * Shows each field's error beside its input (aria-invalid, aria-describedby), and the rest in a summary at the
 * top of the form with links to the fields; returns true when anything was shown.
 */
export function showFormErrors(form: HTMLFormElement, error: unknown, fieldNames: Record<string, string> = {}): boolean {
  clearFormErrors(form);
  const summary = form.querySelector<HTMLElement>('.form-errors');
  if (!summary) return false;
  const details = error instanceof ApiError ? error.details : [{ message: error instanceof Error ? error.message : String(error), code: 'ERROR' }];
  const items: HTMLElement[] = [];
  for (const detail of details) {
    const name = 'field' in detail && detail.field ? fieldNames[detail.field] ?? detail.field : undefined;
    const input = name ? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
    if (input) {
      const message = h('p', { className: 'field-error', id: `${input.id}-error` }, h('span', { className: 'visually-hidden' }, 'Error: '), detail.message);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
      input.closest('.field')?.classList.add('field--error');
      input.closest('.field')?.querySelector('label, legend')?.after(message);
      items.push(h('li', {}, h('a', { href: `#${input.id}`, onclick: (e: Event) => { e.preventDefault(); input.focus(); } }, detail.message)));
    } else {
      items.push(h('li', {}, detail.message));
    }
  }
  summary.replaceChildren(h('h2', { className: 'error-title' }, 'There is a problem'), h('ul', {}, items));
  summary.hidden = false;
  summary.focus();
  return items.length > 0;
}

export function clearFormErrors(form: HTMLFormElement): void {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => {
    e.removeAttribute('aria-invalid');
    const described = (e.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error')).join(' ');
    if (described) e.setAttribute('aria-describedby', described); else e.removeAttribute('aria-describedby');
  });
  form.querySelectorAll('.field--error').forEach((e) => e.classList.remove('field--error'));
  const summary = form.querySelector<HTMLElement>('.form-errors');
  if (summary) { summary.hidden = true; summary.replaceChildren(); }
}

/** The error summary slot a form needs for showFormErrors. */
export function formErrorSlot(): HTMLElement {
  return h('div', { className: 'form-errors error-summary', role: 'alert', tabindex: '-1', hidden: true });
}

export function personLink(person: { id: string; displayName: string }): HTMLAnchorElement {
  return h('a', { href: `#/person/${encodeURIComponent(person.id)}` }, person.displayName);
}

export function badge(text: string, kind = ''): HTMLElement {
  return h('span', { className: `badge ${kind ? `badge--${kind}` : ''}`.trim() }, text);
}

/** Whole number with thousands separators. */
export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "1 person", "2 people": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A percentage for people to read: "12%", or with decimals for small shares ("0.35%"). */
export function percentOf(share: number, decimals = 0): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/**
 * A wide table that scrolls sideways on a narrow screen, with a visible cue when it does: a line saying there is more to
 * the right, and a shadow at the edge the content continues past. The region takes focus so keyboard users can scroll it.
 */
export function tableScroll(table: HTMLElement, label = 'Table'): HTMLElement {
  const cue = h('p', { className: 'scroll-cue', hidden: true }, 'Scroll sideways to see every column ', h('span', { 'aria-hidden': 'true' }, '→'));
  const region = h('div', { className: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label} (scrolls sideways)` }, table);
  const wrap = h('div', { className: 'table-scroll-wrap' }, cue, region);
  const update = () => {
    const more = region.scrollWidth > region.clientWidth + 1;
    cue.hidden = !more;
    wrap.classList.toggle('more-right', more && region.scrollLeft + region.clientWidth < region.scrollWidth - 1);
    wrap.classList.toggle('more-left', more && region.scrollLeft > 1);
  };
  region.addEventListener('scroll', update, { passive: true });
  new ResizeObserver(update).observe(region);
  return wrap;
}

/** The words that tell organisations apart wherever one is named: ODS code, type and ICS. */
export interface NamedOrganisation { name: string; odsCode?: string | null; type?: string | null; integratedCareSystem?: { name: string } | null }

export function organisationDetails(o: NamedOrganisation, typeWords: Record<string, string>, withIcs = true): string {
  // An integrated care board is named as its ICS: saying the name twice tells nothing apart.
  const ics = withIcs && !sameName(o.integratedCareSystem?.name, o.name) ? o.integratedCareSystem?.name : null;
  return [o.odsCode ? `ODS ${o.odsCode}` : 'no ODS code', o.type ? typeWords[o.type] ?? o.type : null, ics].filter(Boolean).join(' · ');
}

function sameName(a: string | null | undefined, b: string): boolean {
  return !!a && a.localeCompare(b, 'en-GB', { sensitivity: 'accent' }) === 0;
}

/**
 * A person's headline and current organisation on a result card, naming the organisation once: headlines often end
 * with it ("Paramedic, Royal Free London NHS Foundation Trust"), and then only its details follow.
 */
export function headlineAndOrganisation(headline: string | null, organisation: NamedOrganisation | null, typeWords: Record<string, string>): string {
  if (!organisation) return [headline, 'No current organisation'].filter(Boolean).join(' · ');
  const details = organisationDetails(organisation, typeWords);
  const named = !!headline && headline.toLocaleLowerCase('en-GB').includes(organisation.name.toLocaleLowerCase('en-GB'));
  return [headline, named ? details : `${organisation.name} (${details})`].filter(Boolean).join(' · ');
}

/** Saves a blob under a file name (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A button that makes a file and saves it, saying so (or what went wrong) beside itself. */
export function downloadButton(text: string, make: () => Promise<{ blob: Blob; fileName: string }>): HTMLElement {
  const button = h('button', { type: 'button', className: 'button button--secondary button--small' }, text);
  const status = h('span', { className: 'download-status', role: 'status' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = '';
    try {
      const { blob, fileName } = await make();
      saveBlob(blob, fileName);
      status.textContent = `Saved ${fileName}.`;
    } catch (error) {
      status.textContent = `Could not download: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  });
  return h('span', { className: 'download' }, button, status);
}

/** A network managers' CSV report (/exports/{report}.csv): the same figures the page shows, fetched with the session's token. */
export function csvButton(text: string, report: string, icsId: string, fileStem: string): HTMLElement {
  return downloadButton(text, async () => {
    const session = currentSession();
    const response = await fetch(`/exports/${report}.csv?icsId=${encodeURIComponent(icsId)}`, {
      headers: session ? { authorization: `Bearer ${session.token}` } : {},
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: string } | null;
      throw new Error(body?.error ?? `the service answered ${response.status}`);
    }
    return { blob: await response.blob(), fileName: `${fileStem}.csv` };
  });
}

/** A file name from words: lower case, hyphens, nothing a file system minds. */
export function fileStem(...parts: string[]): string {
  return parts.join(' ').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
