// PLACEHOLDER (issue #10): "Invite to design work" for a person, used by the person page and the team builder;
// the invitations work replaces it with the real form.
import { h } from './dom';
import type { SkillOption } from './reference';

export function inviteAction(person: { id: string; displayName: string }, suggestedSkills: SkillOption[] = []): HTMLElement {
  void suggestedSkills;
  return h('p', { className: 'muted' }, `Inviting ${person.displayName} is not built yet.`);
}
