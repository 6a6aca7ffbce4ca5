// Reference lists the pages share (the 42 ICSs, skill names), fetched once per page load of the app.

import { gql } from './api';

export interface IcsOption { id: string; name: string; nhsRegion: string }
export interface SkillOption { id: string; name: string; domain: string }

let icsList: Promise<IcsOption[]> | null = null;

export function integratedCareSystems(): Promise<IcsOption[]> {
  icsList ??= gql<{ integratedCareSystems: { nodes: IcsOption[] } }>(
    'query IntegratedCareSystems { integratedCareSystems(first: 100) { nodes { id name nhsRegion } } }')
    .then((d) => d.integratedCareSystems.nodes)
    .catch((error: unknown) => { icsList = null; throw error; });
  return icsList;
}

export async function findSkills(text: string, first = 10, signal?: AbortSignal): Promise<SkillOption[]> {
  const data = await gql<{ skills: { nodes: SkillOption[] } }>(
    'query FindSkills($query: String, $first: Int) { skills(query: $query, first: $first) { nodes { id name domain } } }',
    { query: text || null, first }, signal);
  return data.skills.nodes;
}

const skillNames = new Map<string, SkillOption>();

/** Names for skill ids taken from an address, in one request. */
export async function skillsById(ids: string[], signal?: AbortSignal): Promise<SkillOption[]> {
  const missing = ids.filter((id) => !skillNames.has(id));
  if (missing.length) {
    const fields = missing.map((_, i) => `s${i}: skill(id: $id${i}) { id name domain }`).join(' ');
    const declarations = missing.map((_, i) => `$id${i}: ID!`).join(', ');
    const variables = Object.fromEntries(missing.map((id, i) => [`id${i}`, id]));
    const data = await gql<Record<string, SkillOption | null>>(`query SkillsById(${declarations}) { ${fields} }`, variables, signal);
    Object.values(data).forEach((s) => { if (s) skillNames.set(s.id, s); });
  }
  return ids.map((id) => skillNames.get(id)).filter((s): s is SkillOption => !!s);
}

export function rememberSkill(skill: SkillOption): void {
  skillNames.set(skill.id, skill);
}
