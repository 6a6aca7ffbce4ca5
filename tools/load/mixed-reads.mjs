// Mixed read load against a running service: N concurrent clients for S seconds, each sending a random read
// (search, lookups by id, lists, node, skills; POST and GET) as fast as it is answered. Any error counts: a failed
// connection, a non-200 status, or a GraphQL error in the body. Exits 1 if there was any.
// Usage: node mixed-reads.mjs [--url http://127.0.0.1:5080/graphql] [--clients 32] [--seconds 60]
// (the URL defaults to $SERVICE_URL/graphql). Loopback only: it is a capacity check of our own service.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.SERVICE_URL ? `${process.env.SERVICE_URL}/graphql` : 'http://127.0.0.1:5080/graphql' },
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '60' },
  },
});
const url = new URL(values.url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
  console.error('mixed-reads only targets a service on this machine (loopback).');
  process.exit(2);
}
const clients = Number(values.clients);
const seconds = Number(values.seconds);

async function post(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return [response.status, await response.json()];
}

async function get(query, variables) {
  const target = new URL(url);
  target.searchParams.set('query', query);
  if (variables) target.searchParams.set('variables', JSON.stringify(variables));
  const response = await fetch(target, { headers: { 'GraphQL-Require-Preflight': '1', accept: 'application/json' } });
  return [response.status, await response.json()];
}

// Ids to look up, from the service itself.
const [, seed] = await post('{ people(first: 100) { nodes { id } } skills(first: 100) { nodes { id } } integratedCareSystems(first: 42) { nodes { id } } projects(first: 100) { nodes { id } } }');
const ids = Object.fromEntries(Object.entries(seed.data).map(([k, v]) => [k, v.nodes.map((n) => n.id)]));
const pick = (list) => list[Math.floor(Math.random() * list.length)];
const words = ['SPC', 'lean', 'systems thinking', 'PDSA', 'value stream mapping', 'measurement for improvement', 'QSIR', 'human factors', 'co-production', 'demand and capacity', ''];

const reads = [
  () => post('query Search($q: String) { searchExperts(query: $q, first: 10) { totalCount edges { score explanation { signal contribution } node { displayName headline } } } }', { q: pick(words) }),
  () => post('query Facets($q: String) { searchExperts(query: $q, first: 5) { facets { domains { value count } organisationTypes { value count } } } }', { q: pick(words) }),
  () => post('query Person($id: ID!) { person(id: $id) { displayName skills { skill { name } level } employments { organisation { name integratedCareSystem { name } } } contributions { project { title } role } } }', { id: pick(ids.people) }),
  () => post('query Node($id: ID!) { node(id: $id) { id ... on Skill { name narrower { name } } } }', { id: pick(ids.skills) }),
  () => post('query Similar($id: ID!) { similarExperts(personId: $id, first: 5) { score node { displayName } } }', { id: pick(ids.people) }),
  () => post('query Project($id: ID!) { project(id: $id) { title status contributors { role person { displayName } } methods { name } } }', { id: pick(ids.projects) }),
  () => post('query People { people(first: 20) { totalCount pageInfo { endCursor } nodes { displayName headline } } }'),
  () => get('query Systems { integratedCareSystems(first: 42) { nodes { name nhsRegion places { name } } } }'),
  () => get('query Skills($q: String) { skills(query: $q) { nodes { name domain broader { name } } } }', { q: pick(words) }),
];

const latencies = [];
const failures = new Map();
let requests = 0;
const deadline = Date.now() + seconds * 1000;

async function client() {
  while (Date.now() < deadline) {
    const started = performance.now();
    let problem;
    try {
      const [status, body] = await pick(reads)();
      if (status !== 200) problem = `status ${status}`;
      else if (body.errors) problem = `GraphQL error ${body.errors[0]?.extensions?.code}: ${body.errors[0]?.message}`;
    } catch (error) {
      problem = `request failed: ${error.cause?.code ?? error.message}`;
    }
    latencies.push(performance.now() - started);
    requests += 1;
    if (problem) failures.set(problem, (failures.get(problem) ?? 0) + 1);
  }
}

await Promise.all(Array.from({ length: clients }, client));
latencies.sort((a, b) => a - b);
const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
const errors = [...failures.values()].reduce((a, b) => a + b, 0);
console.log(`${clients} clients, ${seconds} s: ${requests} requests (${(requests / seconds).toFixed(0)}/s), ${errors} errors`);
console.log(`latency ms: p50 ${at(0.5)}, p95 ${at(0.95)}, p99 ${at(0.99)}, max ${latencies.at(-1).toFixed(1)}`);
for (const [problem, count] of failures) console.log(`  ${count} x ${problem}`);
process.exit(errors === 0 ? 0 : 1);
