// A skill picker for forms: type part of a name, choose from the taxonomy's matches (keyboard: Tab/arrow to a
// suggestion, Enter to add), chosen skills shown as removable chips. Used by search, the team builder and invitations.

import { h, replaceChildren, uid } from './dom';
import { findSkills, rememberSkill, type SkillOption } from './reference';
import { label, domainLabels } from './labels';

export interface SkillPicker {
  element: HTMLElement;
  selected(): SkillOption[];
  set(skills: SkillOption[]): void;
}

export function skillPicker(options: { label: string; hint?: string; name: string; onChange?: (skills: SkillOption[]) => void; max?: number }): SkillPicker {
  const inputId = uid('skill-input');
  const hintId = `${inputId}-hint`;
  let chosen: SkillOption[] = [];
  let pending: AbortController | null = null;

  const chips = h('ul', { className: 'chips', 'aria-label': `${options.label}: chosen` });
  const suggestions = h('ul', { className: 'suggestions', hidden: true, 'aria-label': 'Matching skills' });
  const input = h('input', {
    type: 'text', id: inputId, name: options.name, autocomplete: 'off', 'aria-describedby': hintId,
    placeholder: 'Type part of a skill, e.g. "statistical" or "lean"',
  });
  const status = h('span', { className: 'visually-hidden', 'aria-live': 'polite' });

  const drawChips = () => {
    replaceChildren(chips, chosen.map((skill) => h('li', {},
      skill.name,
      h('button', { type: 'button', 'aria-label': `Remove ${skill.name}`, onclick: () => { remove(skill.id); input.focus(); } }, '×'))));
    chips.hidden = chosen.length === 0;
  };
  const changed = () => { drawChips(); options.onChange?.(chosen); };
  const remove = (id: string) => { chosen = chosen.filter((s) => s.id !== id); changed(); };
  const add = (skill: SkillOption) => {
    rememberSkill(skill);
    if (options.max === 1) chosen = [skill]; // a single choice: the new one replaces the old
    else if (!chosen.some((s) => s.id === skill.id) && (!options.max || chosen.length < options.max)) chosen = [...chosen, skill];
    input.value = '';
    suggestions.hidden = true;
    changed();
    input.focus();
  };

  let timer = 0;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const text = input.value.trim();
      pending?.abort();
      if (text.length < 2) { suggestions.hidden = true; return; }
      pending = new AbortController();
      try {
        const found = (await findSkills(text, pending.signal)).filter((s) => !chosen.some((c) => c.id === s.id));
        replaceChildren(suggestions, found.map((skill) => h('li', {},
          h('button', { type: 'button', onclick: () => add(skill) }, skill.name, h('span', { className: 'facet-count' }, ` · ${label(domainLabels, skill.domain)}`)))));
        suggestions.hidden = found.length === 0;
        status.textContent = found.length ? `${found.length} matching ${found.length === 1 ? 'skill' : 'skills'}; press Tab or Down to choose` : 'No skill matches';
      } catch { /* typing on cancels the previous lookup */ }
    }, 200);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && !suggestions.hidden) {
      event.preventDefault();
      suggestions.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (event.key === 'Escape') {
      suggestions.hidden = true;
    } else if (event.key === 'Enter') {
      // Enter in the skill box picks the first suggestion instead of submitting the form.
      const first = suggestions.hidden ? null : suggestions.querySelector<HTMLButtonElement>('button');
      if (first) { event.preventDefault(); first.click(); }
    }
  });
  suggestions.addEventListener('keydown', (event) => {
    const buttons = [...suggestions.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown') { event.preventDefault(); buttons[Math.min(at + 1, buttons.length - 1)]?.focus(); }
    if (event.key === 'ArrowUp') { event.preventDefault(); if (at <= 0) input.focus(); else buttons[at - 1]?.focus(); }
    if (event.key === 'Escape') { suggestions.hidden = true; input.focus(); }
  });

  drawChips();
  const element = h('div', { className: 'field skill-picker' },
    h('label', { for: inputId }, options.label),
    h('span', { className: 'hint', id: hintId }, options.hint ?? 'Choose one or more skills from the taxonomy.'),
    chips, input, suggestions, status);
  return {
    element,
    selected: () => chosen,
    set: (skills) => { chosen = [...skills]; drawChips(); },
  };
}
