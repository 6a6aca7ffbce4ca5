// Runs graphql-http's server audits (GraphQL-over-HTTP conformance) against a running service and fails on
// any MUST audit that does not pass. Usage: node audit.mjs [http://127.0.0.1:5080/graphql]   (default: $SERVICE_URL/graphql)
//
// Every request carries GraphQL-Require-Preflight, as any non-browser client of ours does: the service refuses
// GETs without it (CSRF protection), and the audits are about the protocol, not about that header.
import { serverAudits } from 'graphql-http';

const url = process.argv[2] ?? (process.env.SERVICE_URL && `${process.env.SERVICE_URL}/graphql`);
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

const fetchFn = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('GraphQL-Require-Preflight', '1');
  return fetch(input, { ...init, headers });
};

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const audit of serverAudits({ url, fetchFn })) {
  const result = await audit.fn();
  counts[result.status] += 1;
  const mark = { ok: 'ok    ', notice: 'NOTICE', warn: 'WARN  ', error: 'ERROR ' }[result.status];
  console.log(`${mark} ${audit.id} ${audit.name}${result.status === 'ok' ? '' : ` -- ${result.reason}`}`);
}

console.log(`graphql-http audit: ${counts.ok} ok, ${counts.notice} MAY not met, ${counts.warn} SHOULD not met, ${counts.error} MUST failed`);
process.exit(counts.error === 0 ? 0 : 1);
