// Reference lists the pages share (the 42 ICSs, skill names), fetched once per page load of the app.

import { gql } from './api';

export interface IcsOption { id: string; name: string; nhsRegion: string }
export interface SkillOption { id: string; name: string; domain: string }

let icsList: Promise<IcsOption[]> | null = null;

export function integratedCareSystems(): Promise<IcsOption[]> {
  icsList ??= gql<{ integratedCareSystems: { nodes: IcsOption[] } }>(
    `query IntegratedCareSystems { integratedCareSystems(first: 100) { nodes { id name nhsRegion } } }`)
    .then((d) => d.integratedCareSystems.nodes)
    .catch((error: unknown) => { icsList = null; throw error; });
  return icsList;
}

export async function findSkills(text: string, signal?: AbortSignal): Promise<SkillOption[]> {
  const data = await gql<{ skills: { nodes: SkillOption[] } }>(
    `query FindSkills($query: String) { skills(query: $query, first: 12) { nodes { id name domain } } }`,
    { query: text || null }, signal);
  return data.skills.nodes;
}

const skillNames = new Map<string, SkillOption>();

/** Names for skill ids taken from an address: the whole taxonomy (about 130 skills), fetched once, 100 a page. */
let taxonomy: Promise<void> | null = null;
export async function skillsById(ids: string[], signal?: AbortSignal): Promise<SkillOption[]> {
  if (ids.some((id) => !skillNames.has(id))) {
    taxonomy ??= loadTaxonomy().catch((error: unknown) => { taxonomy = null; throw error; });
    await taxonomy;
  }
  void signal;
  return ids.map((id) => skillNames.get(id)).filter((s): s is SkillOption => !!s);
}

async function loadTaxonomy(): Promise<void> {
  let after: string | null = null;
  do {
    const page: { skills: { nodes: SkillOption[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await gql(
      `query SkillTaxonomy($after: String) { skills(first: 100, after: $after) { nodes { id name domain } pageInfo { hasNextPage endCursor } } }`,
      { after });
    page.skills.nodes.forEach((s) => skillNames.set(s.id, s));
    after = page.skills.pageInfo.hasNextPage ? page.skills.pageInfo.endCursor : null;
  } while (after);
}

export function rememberSkill(skill: SkillOption): void {
  skillNames.set(skill.id, skill);
}
