import { h } from './dom';
import { errorBox, pageHeading } from './ui';

// Hash routes (#/person/<id>?tab=x): every page has an address that can be bookmarked and shared, and the
// server only ever serves one HTML page.

export interface PageContext {
  main: HTMLElement;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Aborted when the user leaves the page, so late answers never draw over the next page. */
  signal: AbortSignal;
}

/** A page draws itself into main; it may return a function that releases what it holds (a graph, timers). */
export type Page = (context: PageContext) => Promise<(() => void) | void> | (() => void) | void;

interface Route { pattern: RegExp; names: string[]; page: Page }

const routes: Route[] = [];
let notFound: Page = () => undefined;
let current: { controller: AbortController; cleanup?: (() => void) | void } | null = null;

/**
 * For a part of a page that asks again and again (a search, a list, a graph): starting a request cancels the one
 * before it, and leaving the page cancels the last. Call the result for the signal of the request about to start;
 * once that signal is aborted, its answer must not be drawn.
 */
export function newestOnly(page: AbortSignal): () => AbortSignal {
  let current: AbortController | null = null;
  return () => {
    current?.abort();
    current = new AbortController();
    return AbortSignal.any([page, current.signal]);
  };
}

export function route(path: string, page: Page): void {
  const names: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:([a-zA-Z]+)/g, (_, name: string) => { names.push(name); return '([^/]+)'; })}$`);
  routes.push({ pattern, names, page });
}

export function fallback(page: Page): void {
  notFound = page;
}

export function href(path: string, query?: Record<string, string | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, v));
    else search.set(key, value);
  }
  const text = search.toString();
  return `#${path}${text ? `?${text}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | string[] | undefined | null>): void {
  location.hash = href(path, query);
}

/** Records a page's own state in the address (filters, paging) without drawing the page again. */
export function recordQuery(path: string, query: Record<string, string | string[] | undefined | null>, push: boolean): void {
  const target = href(path, query);
  if (target === location.hash) return;
  if (push) history.pushState(null, '', target);
  else history.replaceState(null, '', target);
}

export async function start(main: HTMLElement, onNavigate: (path: string) => void): Promise<void> {
  window.addEventListener('hashchange', () => void render(main, onNavigate));
  await render(main, onNavigate);
}

async function render(main: HTMLElement, onNavigate: (path: string) => void): Promise<void> {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?', 2);
  if (current) {
    current.controller.abort();
    try { current.cleanup?.(); } catch { /* a page's cleanup must never stop the next page */ }
  }
  const controller = new AbortController();
  current = { controller };
  main.replaceChildren();
  onNavigate(path);

  try {
    let page = notFound;
    const params: Record<string, string> = {};
    for (const candidate of routes) {
      const match = candidate.pattern.exec(path);
      if (match) {
        candidate.names.forEach((name, i) => { params[name] = decodeURIComponent(match[i + 1] ?? ''); });
        page = candidate.page;
        break;
      }
    }

    const cleanup = await page({ main, params, query: new URLSearchParams(search), signal: controller.signal });
    if (current?.controller === controller) current.cleanup = cleanup;
    else cleanup?.();
  } catch (error) {
    // A broken address (bad %-encoding) or a fault in a page shows as a page, never as a blank screen.
    if (controller.signal.aborted) return;
    main.replaceChildren(pageHeading('This page could not be shown'), errorBox(error, 'Something went wrong'),
      h('p', {}, h('a', { href: '#/' }, 'Go to the expert search')));
  }
}
