// "Invite <name> to design work": a button that opens an inline form (purpose, ICS, skills wanted, hours, message,
// respond-by) and sends inviteExpert. Used by the person page and the team builder. Every error goes beside its
// field: the form checks the limits itself (so several show at once) and maps the API's own field names.

import { ApiError, gql, type ApiErrorDetail } from './api';
import { announce, h, replaceChildren, uid } from './dom';
import { formatDate } from './labels';
import { integratedCareSystems, type SkillOption } from './reference';
import { currentSession } from './session';
import { skillPicker } from './skillpicker';
import { clearFormErrors, formErrorSlot, showFormErrors } from './ui';

const inviteMutation = `mutation InviteExpert($input: InviteExpertInput!) {
  inviteExpert(input: $input) { id status respondBy invitee { displayName } }
}`;

const purposeMax = 200;
const messageMax = 2000;
const hoursMax = 200;
const skillsMax = 20;
const respondByMaxDays = 90;

/** The API names its fields both ways (purpose, input.purpose); both map to the form's inputs. */
const fieldNames: Record<string, string> = Object.fromEntries(
  ['purpose', 'icsId', 'skillIds', 'hoursRequested', 'message', 'respondBy'].flatMap((f) => [[f, f], [`input.${f}`, f]]));

export interface InviteOptions {
  /** The ICS to choose first (the team builder's, when it had one). */
  icsId?: string;
}

export function inviteAction(person: { id: string; displayName: string }, suggestedSkills: SkillOption[] = [], options: InviteOptions = {}): HTMLElement {
  const container = h('div', { className: 'invite' });
  if (!currentSession()) {
    container.append(h('p', { className: 'invite-signin' },
      h('a', { href: `#/sign-in?return=${encodeURIComponent(location.hash || '#/')}` }, `Sign in to invite ${person.displayName} to design work`)));
    return container;
  }

  const formId = uid('invite-form');
  const toggle = h('button', { type: 'button', className: 'button button--secondary', 'aria-expanded': 'false', 'aria-controls': formId },
    `Invite ${person.displayName} to design work`);
  const slot = h('div', { id: formId });
  container.append(toggle, slot);

  let form: HTMLFormElement | null = null;
  toggle.addEventListener('click', () => {
    if (form) { close(); return; }
    form = inviteForm(person, suggestedSkills, options, {
      cancel: () => { close(); toggle.focus(); },
      sent: (notice) => { form = null; toggle.remove(); replaceChildren(slot, notice); notice.focus(); },
    });
    replaceChildren(slot, form);
    toggle.setAttribute('aria-expanded', 'true');
    form.querySelector<HTMLInputElement>('input[name="purpose"]')?.focus();
  });
  function close(): void {
    form = null;
    slot.replaceChildren();
    toggle.setAttribute('aria-expanded', 'false');
  }
  return container;
}

function inviteForm(person: { id: string; displayName: string }, suggestedSkills: SkillOption[], options: InviteOptions,
  on: { cancel: () => void; sent: (notice: HTMLElement) => void }): HTMLFormElement {
  const id = uid('invite');
  const purpose = h('input', { type: 'text', id: `${id}-purpose`, name: 'purpose', maxlength: String(purposeMax), autocomplete: 'off', 'aria-describedby': `${id}-purpose-hint` });
  const ics = h('select', { id: `${id}-ics`, name: 'icsId', 'aria-describedby': `${id}-ics-hint` }, h('option', { value: '' }, 'Loading the ICS list…'));
  const picker = skillPicker({ label: 'Skills wanted', name: 'skillIds', max: skillsMax, hint: `1 to ${skillsMax} skills you want their help with.` });
  picker.set(suggestedSkills.slice(0, skillsMax));
  const hours = h('input', { type: 'number', id: `${id}-hours`, name: 'hoursRequested', min: '1', max: String(hoursMax), step: '1', inputmode: 'numeric', className: 'input--short', 'aria-describedby': `${id}-hours-hint` });
  const message = h('textarea', { id: `${id}-message`, name: 'message', maxlength: String(messageMax), rows: '4', 'aria-describedby': `${id}-message-hint` });
  const respondBy = h('input', { type: 'date', id: `${id}-respond`, name: 'respondBy', value: isoDate(daysAhead(14)), min: isoDate(daysAhead(0)), max: isoDate(daysAhead(respondByMaxDays - 1)), 'aria-describedby': `${id}-respond-hint` });
  const submit = h('button', { type: 'submit', className: 'button' }, 'Send invitation');

  integratedCareSystems().then((systems) => {
    replaceChildren(ics, h('option', { value: '' }, 'Choose an ICS'),
      systems.map((s) => h('option', { value: s.id, ...(s.id === options.icsId ? { selected: true } : {}) }, s.name)));
  }).catch(() => {
    replaceChildren(ics, h('option', { value: '' }, 'The ICS list could not be loaded; reload the page'));
  });

  const form = h('form', { className: 'card invite-form', novalidate: true, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, `Invite ${person.displayName} to design work`),
    formErrorSlot(),
    h('div', { className: 'field' },
      h('label', { for: purpose.id }, 'Purpose'),
      h('span', { className: 'hint', id: `${id}-purpose-hint` }, `What you ask them to help with, up to ${purposeMax} characters.`),
      purpose),
    h('div', { className: 'field' },
      h('label', { for: ics.id }, 'Integrated Care System'),
      h('span', { className: 'hint', id: `${id}-ics-hint` }, 'The ICS whose design the work is for.'),
      ics),
    picker.element,
    h('div', { className: 'field' },
      h('label', { for: hours.id }, 'Hours requested'),
      h('span', { className: 'hint', id: `${id}-hours-hint` }, `The time you ask for, 1 to ${hoursMax} hours.`),
      hours),
    h('div', { className: 'field' },
      h('label', { for: message.id }, 'Message (optional)'),
      h('span', { className: 'hint', id: `${id}-message-hint` }, `Up to ${messageMax} characters. ${person.displayName} sees your name and this message; you see their email only if they accept.`),
      message),
    h('div', { className: 'field' },
      h('label', { for: respondBy.id }, 'Respond by'),
      h('span', { className: 'hint', id: `${id}-respond-hint` }, `The last day for an answer (until the end of that day, UTC), at most ${respondByMaxDays} days ahead.`),
      respondBy),
    h('div', { className: 'button-row' },
      submit,
      h('button', { type: 'button', className: 'button button--secondary', onclick: on.cancel }, 'Cancel')));

  let sending = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    clearFormErrors(form);
    const skills = picker.selected();
    const problems = check({ purpose: purpose.value, icsId: ics.value, skillCount: skills.length, hours: hours.value, hoursValid: hours.validity.valid || hours.validity.rangeOverflow || hours.validity.rangeUnderflow, message: message.value, respondBy: respondBy.value });
    if (problems.length) {
      showFormErrors(form, new ApiError(problems, 400), fieldNames);
      return;
    }
    sending = true;
    submit.disabled = true;
    submit.textContent = 'Sending…';
    try {
      const data = await gql<{ inviteExpert: { id: string; respondBy: string; invitee: { displayName: string } | null } }>(inviteMutation, {
        input: {
          personId: person.id,
          purpose: purpose.value.trim(),
          icsId: ics.value,
          skillIds: skills.map((s) => s.id),
          hoursRequested: Number(hours.value),
          message: message.value.trim() || null,
          respondBy: `${respondBy.value}T23:59:59Z`,
        },
      });
      const notice = h('div', { className: 'notice notice--success', role: 'status', tabindex: '-1' },
        h('p', {}, h('strong', {}, `Invitation sent to ${person.displayName}.`),
          ` They have until ${formatDate(data.inviteExpert.respondBy)} to answer; you will see their email once they accept.`),
        h('p', {}, h('a', { href: '#/invitations' }, 'See your sent invitations')));
      announce(`Invitation sent to ${person.displayName}.`);
      on.sent(notice);
    } catch (error) {
      showFormErrors(form, capExplained(error), fieldNames);
    } finally {
      sending = false;
      submit.disabled = false;
      submit.textContent = 'Send invitation';
    }
  });
  return form;
}

interface Draft { purpose: string; icsId: string; skillCount: number; hours: string; hoursValid: boolean; message: string; respondBy: string }

/** The API's limits, checked here too so every problem shows at once (the API stops at the first). */
function check(draft: Draft): ApiErrorDetail[] {
  const problems: ApiErrorDetail[] = [];
  const bad = (field: string, message: string) => problems.push({ field, message, code: 'BAD_USER_INPUT' });
  const purpose = draft.purpose.trim();
  if (!purpose) bad('purpose', 'Enter the purpose: what you ask them to help with.');
  else if (purpose.length > purposeMax) bad('purpose', `The purpose must be at most ${purposeMax} characters; it is ${purpose.length}.`);
  if (!draft.icsId) bad('icsId', 'Choose the ICS the work is for.');
  if (draft.skillCount < 1) bad('skillIds', 'Choose at least one skill you want.');
  else if (draft.skillCount > skillsMax) bad('skillIds', `Choose at most ${skillsMax} skills.`);
  const hours = Number(draft.hours);
  if (!draft.hours.trim() || !draft.hoursValid) bad('hoursRequested', `Enter the hours you ask for as a whole number from 1 to ${hoursMax}.`);
  else if (!Number.isInteger(hours) || hours < 1 || hours > hoursMax) bad('hoursRequested', `Hours requested must be a whole number from 1 to ${hoursMax}.`);
  if (draft.message.trim().length > messageMax) bad('message', `The message must be at most ${messageMax} characters.`);
  if (!draft.respondBy) bad('respondBy', 'Enter the date by which they should answer.');
  else if (draft.respondBy < isoDate(daysAhead(0))) bad('respondBy', 'The respond-by date must be today or later.');
  else if (draft.respondBy > isoDate(daysAhead(respondByMaxDays - 1))) bad('respondBy', `The respond-by date must be at most ${respondByMaxDays} days ahead.`);
  return problems;
}

/** The inviter's daily cap comes back as RATE_LIMITED on the whole input: say what it means and when to retry. */
function capExplained(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.has('RATE_LIMITED')) return error;
  return new ApiError(error.details.map((d) => d.code === 'RATE_LIMITED' && d.field === 'input'
    ? { code: d.code, message: `Daily limit reached: ${d.message} The limit counts invitations sent in any 24 hours, so you can send more once older ones are a day old.` }
    : d), error.status);
}

function daysAhead(days: number): Date {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
