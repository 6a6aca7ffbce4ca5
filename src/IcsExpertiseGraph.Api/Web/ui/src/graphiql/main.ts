// GraphiQL (Development only, at /graphiql) over this service's /graphql, for API consumers exploring the schema.
// A page of its own, bundled apart from the pages (build-graphiql.mjs): React and GraphiQL never reach the pages' bundle.

import 'graphiql/style.css';
import './graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { setNonce } from 'get-nonce';
import { currentSession } from '../session';

// GraphiQL's dialogs lock the page's scrolling with a <style> element of their own (react-remove-scroll); it carries
// this response's nonce, which the page's policy allows, rather than the policy allowing every inline style.
setNonce(document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.nonce ?? '');

type Fetcher = GraphiQLProps['fetcher'];

/**
 * POSTs to /graphql as the pages do: with the bearer token of the pages' sign-in in this tab (sessionStorage), unless
 * the Headers editor names its own Authorization (a pasted token, or an empty one to ask as nobody).
 */
const fetcher: Fetcher = async (params, options) => {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json;q=0.9',
  };
  const session = currentSession();
  const own = Object.entries(options?.headers ?? {}).map(([name, value]) => [name, String(value)] as const);
  if (session && !own.some(([name]) => name.toLowerCase() === 'authorization')) headers.authorization = `Bearer ${session.token}`;
  for (const [name, value] of own) headers[name.toLowerCase()] = value;

  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify(params) });
  // The API answers errors as GraphQL responses (4xx included): show them as they are.
  if (!(response.headers.get('content-type') ?? '').includes('json')) {
    throw new Error(`The service answered ${response.status} ${response.statusText} without a GraphQL response.`);
  }
  return response.json();
};

const session = currentSession();
const signIn = document.getElementById('graphiql-sign-in');
if (signIn && session) {
  signIn.textContent = `Requests carry the sign-in of ${session.name} from this tab's pages, unless Headers below names its own Authorization.`;
}

createRoot(document.getElementById('graphiql')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: 'headers',
    defaultQuery: '# The API of the ICS Expertise Graph: Docs (top left) lists every field.\n{\n  __typename\n}\n',
  }),
);
