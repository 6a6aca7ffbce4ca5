// My profile: every field updateMyProfile allows, with each validation message beside its field and a conflict
// (someone changed the profile since this page loaded it) explained without losing what was typed; confirming the
// profile is current; skills and projects; downloading my data and deleting my profile.

import { ApiError, gql } from '../api';
import { announce, h, replaceChildren, uid, type Child } from '../dom';
import {
  availabilityLabels, domainLabels, evidenceLabels, formatDate, label, levelLabels, organisationTypeLabels, visibilityLabels,
} from '../labels';
import type { PageContext } from '../router';
import { currentSession, remember, signOut } from '../session';
import { skillPicker } from '../skillpicker';
import { loadProjectsState, projectsSection } from './profile-projects';
import { clearFormErrors, errorBox, formErrorSlot, loading, organisationDetails, pageHeading, showFormErrors } from '../ui';

const personFields = `id displayName headline bio orcid email visibility version lastConfirmedAt
  availability { status hoursPerMonth openToCrossOrganisation terms }
  skills { skill { id name domain } level evidence years verified }
  employments { role primary since until organisation { name odsCode type integratedCareSystem { name } } }`;

interface Me {
  id: string;
  displayName: string;
  headline: string | null;
  bio: string | null;
  orcid: string | null;
  email: string | null;
  visibility: string;
  version: number;
  lastConfirmedAt: string | null;
  availability: { status: string; hoursPerMonth: number | null; openToCrossOrganisation: boolean; terms: string | null };
  skills: { skill: { id: string; name: string; domain: string }; level: string; evidence: string | null; years: number | null; verified: boolean }[];
  employments: { role: string | null; primary: boolean; since: string | null; until: string | null; organisation: { name: string; odsCode: string | null; type: string; integratedCareSystem: { name: string } | null } }[];
}

/** What the profile form holds, as the user sees it (text boxes hold text). */
interface FormValues {
  displayName: string;
  headline: string;
  bio: string;
  orcid: string;
  visibility: string;
  availabilityStatus: string;
  hoursPerMonth: string;
  openToCrossOrganisation: boolean;
  terms: string;
}

const fieldLabels: Record<keyof FormValues, string> = {
  displayName: 'Display name',
  headline: 'Headline',
  bio: 'Bio',
  orcid: 'ORCID iD',
  visibility: 'Who can see your profile',
  availabilityStatus: 'Availability',
  hoursPerMonth: 'Hours a month',
  openToCrossOrganisation: 'Open to cross-organisation work',
  terms: 'Terms',
};

/** The API names fields by their place in the input (availability.terms); the form by its own names. */
const profileFieldNames: Record<string, string> = {
  'input.displayName': 'displayName', 'input.headline': 'headline', 'input.bio': 'bio', 'input.orcid': 'orcid',
  'input.visibility': 'visibility',
  'availability.status': 'availabilityStatus', 'input.availability.status': 'availabilityStatus',
  'availability.hoursPerMonth': 'hoursPerMonth', 'input.availability.hoursPerMonth': 'hoursPerMonth',
  'availability.openToCrossOrganisation': 'openToCrossOrganisation', 'input.availability.openToCrossOrganisation': 'openToCrossOrganisation',
  'availability.terms': 'terms', 'input.availability.terms': 'terms',
};

const skillFieldNames: Record<string, string> = { 'input.skillId': 'skillId', 'input.level': 'level', 'input.evidence': 'evidence', 'input.years': 'years' };

function valuesOf(me: Me): FormValues {
  return {
    displayName: me.displayName,
    headline: me.headline ?? '',
    bio: me.bio ?? '',
    orcid: me.orcid ?? '',
    visibility: me.visibility,
    availabilityStatus: me.availability.status,
    hoursPerMonth: me.availability.hoursPerMonth === null ? '' : String(me.availability.hoursPerMonth),
    openToCrossOrganisation: me.availability.openToCrossOrganisation,
    terms: me.availability.terms ?? '',
  };
}

function sameValue(a: FormValues[keyof FormValues], b: FormValues[keyof FormValues]): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim() === b.trim() : a === b;
}

function shown(key: keyof FormValues, value: FormValues[keyof FormValues]): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (key === 'visibility') return label(visibilityLabels, value);
  if (key === 'availabilityStatus') return label(availabilityLabels, value);
  return value.trim() === '' ? '(empty)' : value;
}

export async function myProfilePage(context: PageContext): Promise<void> {
  const { main, signal } = context;
  main.append(pageHeading('My profile'));
  if (!currentSession()) {
    main.append(
      h('p', {}, 'Your profile is where you say what quality-improvement expertise you have, how much time you can give, and who may see it.'),
      h('p', {}, 'You need to sign in to see and edit it. ', h('a', { className: 'button', href: '#/sign-in?return=%23%2Fme' }, 'Sign in')));
    return;
  }

  const body = h('div', {}, loading('your profile'));
  main.append(body);
  let me: Me;
  try {
    me = (await gql<{ me: Me }>(`query MyProfile { me { ${personFields} } }`, {}, signal)).me;
  } catch (error) {
    if (signal.aborted) return;
    // Signed in, but no profile: none is ever made behind the person's back (not even after deleting one); they start it here.
    if (error instanceof ApiError && error.has('NOT_FOUND')) {
      replaceChildren(body, createProfile(error, () => { replaceChildren(main); void myProfilePage(context); }));
      return;
    }
    replaceChildren(body, errorBox(error, 'Your profile could not be loaded'));
    return;
  }
  if (signal.aborted) return;
  remember(me.id);

  /** The version the next change must name: every change returns the new one. */
  let version = me.version;
  const versionText = h('span', {});
  const confirmedText = h('span', {});
  const drawMeta = (person: Pick<Me, 'version' | 'lastConfirmedAt'>) => {
    version = person.version;
    versionText.textContent = String(person.version);
    confirmedText.textContent = person.lastConfirmedAt ? formatDate(person.lastConfirmedAt) : 'never';
  };

  // ---- The profile form ---------------------------------------------------------------------------------
  const ids = { displayName: uid('display-name'), headline: uid('headline'), bio: uid('bio'), orcid: uid('orcid'), hours: uid('hours'), terms: uid('terms'), cross: uid('cross') };
  const displayName = h('input', { type: 'text', id: ids.displayName, name: 'displayName', autocomplete: 'name', 'aria-describedby': `${ids.displayName}-hint` });
  const headline = h('input', { type: 'text', id: ids.headline, name: 'headline', 'aria-describedby': `${ids.headline}-hint` });
  const bio = h('textarea', { id: ids.bio, name: 'bio', rows: 6, 'aria-describedby': `${ids.bio}-hint` });
  const orcid = h('input', { type: 'text', id: ids.orcid, name: 'orcid', spellcheck: 'false', className: 'input--short', 'aria-describedby': `${ids.orcid}-hint` });
  // Text, not type=number: a number input reports '1e' or '-' as empty, which would quietly clear the saved value.
  const hours = h('input', { type: 'text', id: ids.hours, name: 'hoursPerMonth', inputmode: 'numeric', autocomplete: 'off', className: 'input--short', 'aria-describedby': `${ids.hours}-hint` });
  const terms = h('textarea', { id: ids.terms, name: 'terms', rows: 3, 'aria-describedby': `${ids.terms}-hint` });
  const cross = h('input', { type: 'checkbox', id: ids.cross, name: 'openToCrossOrganisation' });
  const radios = (name: string, labels: Record<string, string>, hints: Record<string, string> = {}) =>
    Object.keys(labels).map((value) => {
      const id = uid(name);
      return h('div', { className: 'checkbox' },
        h('input', { type: 'radio', id, name, value }),
        h('label', { for: id }, label(labels, value), hints[value] ? h('span', { className: 'hint' }, hints[value]) : null));
    });

  const notices = h('div', {});
  const saveButton = h('button', { type: 'submit', className: 'button' }, 'Save profile');
  const form = h('form', { className: 'card profile-form', noValidate: true, 'aria-labelledby': 'details-heading' },
    h('h2', { id: 'details-heading' }, 'Your details'),
    formErrorSlot(),
    field(ids.displayName, 'Display name', 'Your name as colleagues know it: 1 to 120 characters.', displayName),
    field(ids.headline, 'Headline', 'One line about your role, e.g. "Quality improvement lead, Leeds Teaching Hospitals". At most 200 characters.', headline),
    field(ids.bio, 'Bio', 'What you have done and can help with. At most 4,000 characters.', bio),
    field(ids.orcid, 'ORCID iD', 'Optional. Like 0000-0002-1825-0097; the last character is a check digit.', orcid),
    h('div', { className: 'field' },
      h('span', { className: 'field-label' }, 'Email'),
      h('p', { className: 'readonly-value' }, me.email ?? 'Not shown on your profile'),
      h('span', { className: 'hint' }, 'The verified address you sign in with; it cannot be changed here. Only you, administrators and people whose invitation you accept see it.')),
    h('fieldset', { className: 'field' },
      h('legend', {}, fieldLabels.visibility),
      radios('visibility', visibilityLabels)),
    h('fieldset', { className: 'field availability' },
      h('legend', {}, 'Availability for design work'),
      h('fieldset', { className: 'field' },
        h('legend', { className: 'legend--small' }, fieldLabels.availabilityStatus),
        radios('availabilityStatus', availabilityLabels)),
      field(ids.hours, 'Hours a month', 'Roughly how many hours a month you could give: 0 to 200. Leave empty if you would rather not say.', hours),
      h('div', { className: 'field' },
        h('div', { className: 'checkbox' }, cross, h('label', { for: ids.cross }, 'I am open to working with organisations other than my own'))),
      field(ids.terms, 'Terms', 'Optional conditions, e.g. "Coaching only, by video call". At most 500 characters.', terms)),
    h('div', { className: 'form-actions' }, saveButton));

  const read = (): FormValues => ({
    displayName: displayName.value,
    headline: headline.value,
    bio: bio.value,
    orcid: orcid.value,
    visibility: form.querySelector<HTMLInputElement>('input[name="visibility"]:checked')?.value ?? '',
    availabilityStatus: form.querySelector<HTMLInputElement>('input[name="availabilityStatus"]:checked')?.value ?? '',
    hoursPerMonth: hours.value,
    openToCrossOrganisation: cross.checked,
    terms: terms.value,
  });
  const fill = (values: FormValues) => {
    displayName.value = values.displayName;
    headline.value = values.headline;
    bio.value = values.bio;
    orcid.value = values.orcid;
    form.querySelectorAll<HTMLInputElement>('input[name="visibility"]').forEach((r) => { r.checked = r.value === values.visibility; });
    form.querySelectorAll<HTMLInputElement>('input[name="availabilityStatus"]').forEach((r) => { r.checked = r.value === values.availabilityStatus; });
    hours.value = values.hoursPerMonth;
    cross.checked = values.openToCrossOrganisation;
    terms.value = values.terms;
  };
  /** The values as last loaded or saved: what the user changed is what differs from these. */
  let base = valuesOf(me);
  const load = (values: FormValues) => { base = values; fill(values); };
  load(valuesOf(me));

  const showNotice = (kind: 'success' | 'warning', ...children: Child[]) => {
    const notice = h('div', { className: `notice notice--${kind}`, role: kind === 'success' ? 'status' : 'alert', tabindex: '-1' }, ...children);
    replaceChildren(notices, notice);
    notice.focus();
    return notice;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    replaceChildren(notices);
    const values = read();
    const text = (v: string) => (v.trim() === '' ? null : v.trim());
    const hoursText = values.hoursPerMonth.trim();
    // Hours that are not a whole number cannot be sent as one; -1 is sent instead, which the service refuses with the
    // rest of the form's faults (every field at once, nothing saved), and the hours message says what is wrong here.
    const hoursNotANumber = hoursText !== '' && !/^\d+$/.test(hoursText);
    const input = {
      displayName: values.displayName.trim(),
      headline: text(values.headline),
      bio: text(values.bio),
      orcid: text(values.orcid),
      visibility: values.visibility || null,
      availability: {
        status: values.availabilityStatus || null,
        hoursPerMonth: hoursNotANumber ? -1 : hoursText === '' ? null : Number(hoursText),
        openToCrossOrganisation: values.openToCrossOrganisation,
        terms: text(values.terms),
      },
      expectedVersion: version,
    };
    saveButton.disabled = true;
    try {
      const saved = (await gql<{ updateMyProfile: Me }>(
        `mutation UpdateMyProfile($input: UpdateProfileInput!) { updateMyProfile(input: $input) { ${personFields} } }`, { input })).updateMyProfile;
      drawMeta(saved);
      load(valuesOf(saved));
      showNotice('success', h('h2', { className: 'notice-title' }, 'Your profile is saved'), h('p', {}, `It is now at version ${saved.version}.`));
      announce('Your profile is saved.');
    } catch (error) {
      if (error instanceof ApiError && error.has('CONFLICT')) explainConflict(values, error);
      else showFormErrors(form, inPlainWords(hoursNotANumber ? wholeHours(error) : error, profileFieldNames, fieldLabels), profileFieldNames);
    } finally {
      saveButton.disabled = false;
    }
  });

  /** Someone (another tab, an import, an administrator) saved a newer version: nothing typed is thrown away. */
  function explainConflict(typed: FormValues, error: ApiError): void {
    const current = error.details.find((d) => d.code === 'CONFLICT')?.currentVersion;
    const reload = h('button', { type: 'button', className: 'button button--secondary' }, 'Load the current version');
    showNotice('warning',
      h('h2', { className: 'notice-title' }, 'Your changes have not been saved'),
      h('p', {}, `Your profile was changed elsewhere since you opened this page (you loaded version ${version}${current !== undefined ? `; it is now at version ${current}` : ''}), perhaps in another tab or by an administrator. Saving now would overwrite those changes.`),
      h('p', {}, 'What you typed is still in the form below. Load the current version to see what changed; your own changes will be listed so you can put them back.'),
      reload);
    reload.addEventListener('click', async () => {
      reload.disabled = true;
      try {
        const fresh = (await gql<{ me: Me }>(`query MyProfile { me { ${personFields} } }`, {})).me;
        const loaded = valuesOf(fresh);
        // Only what the user changed is theirs to put back; the rest of the form takes the newer version.
        const mine = (Object.keys(fieldLabels) as (keyof FormValues)[]).filter((k) => !sameValue(typed[k], base[k]) && !sameValue(typed[k], loaded[k]));
        const before = base;
        drawMeta(fresh);
        drawSkills(fresh);
        void projects.refresh();
        load(loaded);
        const putBack = h('button', { type: 'button', className: 'button button--secondary' }, 'Put my changes back into the form');
        putBack.addEventListener('click', () => {
          fill({ ...loaded, ...Object.fromEntries(mine.map((k) => [k, typed[k]])) } as FormValues);
          showNotice('success', h('p', {}, `Your changes are back in the form, on top of version ${fresh.version}. Check them, then choose "Save profile".`));
          displayName.focus();
        });
        showNotice('warning',
          h('h2', { className: 'notice-title' }, `The form now shows version ${fresh.version}`),
          mine.length
            ? [h('p', {}, 'Your changes, not saved yet:'),
              h('dl', { className: 'facts typed-values' }, mine.map((k) => [
                h('dt', {}, fieldLabels[k]),
                h('dd', {}, shown(k, typed[k]), sameValue(loaded[k], before[k]) ? null : h('span', { className: 'hint' }, `Also changed elsewhere, to: ${shown(k, loaded[k])}`))])),
              putBack]
            : h('p', {}, 'Your changes are already in this version: nothing of yours is lost.'));
      } catch (failure) {
        reload.disabled = false;
        replaceChildren(notices, errorBox(failure, 'The current version could not be loaded'));
      }
    });
  }

  // ---- Status and confirmation ----------------------------------------------------------------------------
  const confirmButton = h('button', { type: 'button', className: 'button button--secondary' }, 'Confirm my profile is current');
  const confirmStatus = h('div', {});
  confirmButton.addEventListener('click', async () => {
    confirmButton.disabled = true;
    replaceChildren(confirmStatus);
    try {
      const confirmed = (await gql<{ confirmMyProfile: { version: number; lastConfirmedAt: string | null } }>(
        `mutation ConfirmMyProfile { confirmMyProfile { version lastConfirmedAt } }`, {})).confirmMyProfile;
      drawMeta(confirmed);
      replaceChildren(confirmStatus, h('p', { className: 'notice notice--success', role: 'status' }, `Confirmed: your profile is marked current as of ${formatDate(confirmed.lastConfirmedAt)}.`));
      announce('Your profile is confirmed as current.');
    } catch (error) {
      replaceChildren(confirmStatus, errorBox(error, 'Confirming did not work'));
    } finally {
      confirmButton.disabled = false;
    }
  });
  drawMeta(me);
  const status = h('section', { className: 'card', 'aria-labelledby': 'status-heading' },
    h('h2', { id: 'status-heading' }, 'Is your profile current?'),
    h('p', {}, 'Last confirmed: ', confirmedText, '. Version ', versionText, '. Profiles confirmed recently rank higher in searches. ',
      h('a', { href: `#/person/${encodeURIComponent(me.id)}` }, 'See your profile as others see it'), '.'),
    confirmButton, confirmStatus);

  // ---- Skills ----------------------------------------------------------------------------------------------
  const skillList = h('div', {});
  const picker = skillPicker({ label: 'Skill', name: 'skillId', max: 1, hint: 'Type part of the skill\'s name and choose it from the list.' });
  const levelId = uid('level');
  const evidenceId = uid('evidence');
  const yearsId = uid('years');
  const level = h('select', { id: levelId, name: 'level' }, Object.keys(levelLabels).map((l) => h('option', { value: l }, label(levelLabels, l))));
  const evidence = h('select', { id: evidenceId, name: 'evidence' },
    h('option', { value: '' }, 'Self-declared (no evidence)'), Object.keys(evidenceLabels).map((e) => h('option', { value: e }, label(evidenceLabels, e))));
  const years = h('input', { type: 'text', id: yearsId, name: 'years', inputmode: 'numeric', autocomplete: 'off', className: 'input--short', 'aria-describedby': `${yearsId}-hint` });
  const skillSave = h('button', { type: 'submit', className: 'button' }, 'Save skill');
  const skillNotice = h('div', {});
  const skillForm = h('form', { className: 'skill-form', noValidate: true, 'aria-labelledby': 'skill-form-heading' },
    h('h3', { id: 'skill-form-heading' }, 'Add or change a skill'),
    formErrorSlot(),
    picker.element,
    h('div', { className: 'inline-fields' },
      h('div', { className: 'field' }, h('label', { for: levelId }, 'Level'), level),
      h('div', { className: 'field' }, h('label', { for: evidenceId }, 'Evidence'), evidence),
      h('div', { className: 'field' }, h('label', { for: yearsId }, 'Years of practice'), h('span', { className: 'hint', id: `${yearsId}-hint` }, '0 to 60; optional.'), years)),
    h('p', { className: 'hint' }, 'Changing a verified skill\'s level, evidence or years removes its verification until a network manager checks it again.'),
    skillSave);

  skillForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(skillForm);
    replaceChildren(skillNotice);
    const skill = picker.selected()[0];
    const yearsText = years.value.trim();
    const problems = [
      !skill ? { message: 'Choose a skill from the list.', code: 'BAD_USER_INPUT', field: 'skillId' } : null,
      yearsText !== '' && !/^\d+$/.test(yearsText) ? { message: 'Years of practice must be a whole number from 0 to 60.', code: 'BAD_USER_INPUT', field: 'years' } : null,
    ].filter((p): p is { message: string; code: string; field: string } => !!p);
    if (problems.length || !skill) { showFormErrors(skillForm, new ApiError(problems, 0)); return; }
    skillSave.disabled = true;
    try {
      const saved = (await gql<{ setMySkill: Me }>(`mutation SetMySkill($input: SetSkillInput!) { setMySkill(input: $input) { ${personFields} } }`,
        { input: { skillId: skill.id, level: level.value, evidence: evidence.value || null, years: yearsText === '' ? null : Number(yearsText) } })).setMySkill;
      drawMeta(saved);
      drawSkills(saved);
      picker.set([]);
      years.value = '';
      evidence.value = '';
      replaceChildren(skillNotice, h('p', { className: 'notice notice--success', role: 'status' }, `Saved: ${skill.name}, ${label(levelLabels, level.value)}.`));
      announce(`Saved ${skill.name}.`);
    } catch (error) {
      showFormErrors(skillForm, inPlainWords(error, skillFieldNames, { skillId: 'Skill', level: 'Level', evidence: 'Evidence', years: 'Years of practice' }), skillFieldNames);
    } finally {
      skillSave.disabled = false;
    }
  });

  function drawSkills(person: Me): void {
    if (!person.skills.length) { replaceChildren(skillList, h('p', { className: 'muted' }, 'You have not listed any skills yet.')); return; }
    replaceChildren(skillList, h('ul', { className: 'person-skills' }, person.skills.map((s) => {
      const change = h('button', { type: 'button', className: 'button button--secondary button--small' }, 'Change', h('span', { className: 'visually-hidden' }, ` ${s.skill.name}`));
      change.addEventListener('click', () => {
        picker.set([s.skill]);
        level.value = s.level;
        evidence.value = s.evidence ?? '';
        years.value = s.years === null ? '' : String(s.years);
        level.focus();
      });
      const remove = removeControl(s.skill.name,
        async () => (await gql<{ removeMySkill: Me }>(`mutation RemoveMySkill($skillId: ID!) { removeMySkill(skillId: $skillId) { ${personFields} } }`, { skillId: s.skill.id })).removeMySkill,
        (saved) => { drawMeta(saved); drawSkills(saved); }, skillNotice, skillHeading);
      return h('li', {},
        h('span', { className: 'person-skill-name' }, s.skill.name),
        h('span', {}, label(levelLabels, s.level)),
        s.verified ? h('span', { className: 'badge badge--verified' }, 'verified') : null,
        h('span', { className: 'person-skill-details' },
          [label(domainLabels, s.skill.domain), s.evidence ? `Evidence: ${label(evidenceLabels, s.evidence)}` : 'Self-declared', s.years !== null ? `${s.years} year${s.years === 1 ? '' : 's'}` : null].filter(Boolean).join(' · ')),
        h('span', { className: 'endorse' }, change, remove));
    })));
  }
  const skillHeading = h('h2', { id: 'my-skills-heading', tabindex: '-1' }, 'Skills');
  const skills = h('section', { className: 'card', 'aria-labelledby': 'my-skills-heading' },
    skillHeading, h('p', { className: 'hint' }, 'Deepest first. Removing a skill also removes its endorsements.'), skillNotice, skillList, skillForm);
  drawSkills(me);

  // ---- Projects --------------------------------------------------------------------------------------------
  // Joining, leading and creating projects: their own section (profile-projects.ts), read as one consistent picture.
  const projects = projectsSection(await loadProjectsState(signal), (state) => drawMeta(state));
  if (signal.aborted) return;

  // ---- Organisations (read only: they come from the directory) ----------------------------------------------
  const organisations = h('section', { className: 'card', 'aria-labelledby': 'my-orgs-heading' },
    h('h2', { id: 'my-orgs-heading' }, 'Organisations'),
    me.employments.length
      ? h('ul', { className: 'plain-list' }, me.employments.map((e) => h('li', {}, h('strong', {}, e.organisation.name), ` (${organisationDetails(e.organisation, organisationTypeLabels)})`, e.role ? ` · ${e.role}` : '', e.until ? ` (until ${formatDate(e.until)})` : '')))
      : h('p', { className: 'muted' }, 'No organisations recorded.'),
    h('p', { className: 'hint' }, 'Organisations come from your organisation\'s records; ask an administrator to correct them.'));

  replaceChildren(body, notices, status, form, skills, projects.element, organisations, yourData());
}

/**
 * A signed-in person without a profile (new here, or after deleting theirs): what a profile is, that it starts private,
 * and one button that creates it. The service never creates one by itself.
 */
function createProfile(why: ApiError, created: () => void): HTMLElement {
  const status = h('div', {});
  const button = h('button', { type: 'button', className: 'button' }, 'Create my profile');
  button.addEventListener('click', async () => {
    button.disabled = true;
    replaceChildren(status);
    try {
      const person = (await gql<{ createMyProfile: { id: string } }>(`mutation CreateMyProfile { createMyProfile { id } }`, {})).createMyProfile;
      remember(person.id);
      announce('Your profile is created. Only you can see it until you choose otherwise.');
      created();
    } catch (error) {
      button.disabled = false;
      replaceChildren(status, errorBox(error, 'Your profile could not be created'));
    }
  });
  const deleted = why.details.some((d) => d.message.includes('deleted'));
  return h('section', { className: 'card', 'aria-labelledby': 'create-profile-heading' },
    h('h2', { id: 'create-profile-heading' }, deleted ? 'Your profile was deleted' : 'You have no profile yet'),
    h('p', {}, deleted
      ? 'You deleted your profile, so nothing about you is shown here. It is not recreated unless you ask: you can start a new, empty one.'
      : 'Your profile is where you say what quality-improvement expertise you have, how much time you can give, and who may see it.'),
    h('p', {}, 'A new profile starts private: only you (and administrators) can see it until you choose who may.'),
    button, status);
}

/** The service's message about the stand-in -1 hours, as what the person typed deserves: a whole number is needed. */
function wholeHours(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.details.map((d) => d.field?.endsWith('hoursPerMonth') ? { ...d, message: 'Hours a month must be a whole number from 0 to 200.' } : d), error.status);
}

/**
 * The API starts a message with its own name for the field ("displayName must be…"); beside a field labelled
 * "Display name" the label reads better, so the name is swapped for the label the user sees.
 */
function inPlainWords(error: unknown, formNames: Record<string, string>, labels: Record<string, string>): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError(error.details.map((d) => {
    if (!d.field) return d;
    const formName = formNames[d.field] ?? d.field;
    const text = labels[formName];
    const apiName = [d.field, d.field.split('.').pop() ?? d.field].find((n) => d.message.startsWith(`${n} `));
    return text && apiName ? { ...d, message: `${text}${d.message.slice(apiName.length)}` } : d;
  }), error.status);
}

/**
 * A "Remove <what>" button: runs the removal, redraws, says so in the section's notice and puts focus on the
 * section's heading (the button itself is gone); an error stays beside the button.
 */
function removeControl(what: string, run: () => Promise<Me>, redraw: (saved: Me) => void, notice: HTMLElement, heading: HTMLElement): HTMLElement {
  const button = h('button', { type: 'button', className: 'button button--secondary button--small' }, 'Remove', h('span', { className: 'visually-hidden' }, ` ${what}`));
  const status = h('span', { className: 'endorse-status', role: 'status' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      redraw(await run());
      replaceChildren(notice, h('p', { className: 'notice notice--success', role: 'status' }, `Removed ${what}.`));
      heading.focus();
      announce(`Removed ${what}.`);
    } catch (error) {
      button.disabled = false;
      status.classList.add('field-error');
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  });
  return h('span', { className: 'remove-control' }, button, status);
}

function field(id: string, text: string, hint: string, input: HTMLElement): HTMLElement {
  return h('div', { className: 'field' }, h('label', { for: id }, text), h('span', { className: 'hint', id: `${id}-hint` }, hint), input);
}

/** Right of access and erasure: download everything held, or delete the profile after a confirmation step. */
function yourData(): HTMLElement {
  const status = h('div', {});
  const download = h('button', { type: 'button', className: 'button button--secondary' }, 'Download my data');
  download.addEventListener('click', async () => {
    download.disabled = true;
    replaceChildren(status);
    try {
      const json = (await gql<{ exportMyData: string }>(`mutation ExportMyData { exportMyData }`, {})).exportMyData;
      let pretty = json;
      try { pretty = JSON.stringify(JSON.parse(json), null, 2); } catch { /* keep the text as it came */ }
      const url = URL.createObjectURL(new Blob([pretty], { type: 'application/json' }));
      const link = h('a', { href: url, download: `my-expertise-profile-${new Date().toISOString().slice(0, 10)}.json` }, 'download');
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
      replaceChildren(status, h('p', { className: 'notice notice--success', role: 'status' }, 'Your data was downloaded as a JSON file.'));
    } catch (error) {
      replaceChildren(status, errorBox(error, 'Your data could not be exported'));
    } finally {
      download.disabled = false;
    }
  });

  const confirmArea = h('div', {});
  const remove = h('button', { type: 'button', className: 'button button--warning' }, 'Delete my profile');
  remove.addEventListener('click', () => {
    remove.hidden = true;
    const yes = h('button', { type: 'button', className: 'button button--warning' }, 'Yes, delete my profile');
    const no = h('button', { type: 'button', className: 'button button--secondary' }, 'Cancel');
    const panel = h('div', { className: 'notice notice--warning', role: 'region', 'aria-labelledby': 'delete-heading', tabindex: '-1' },
      h('h3', { id: 'delete-heading' }, 'Delete your profile?'),
      h('p', {}, 'This removes your profile and personal data for good; it cannot be undone. Projects keep your contributions without your name. You will be signed out.'),
      h('div', { className: 'form-actions' }, yes, no));
    no.addEventListener('click', () => { replaceChildren(confirmArea); remove.hidden = false; remove.focus(); });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      no.disabled = true;
      try {
        await gql<{ deleteMyProfile: boolean }>(`mutation DeleteMyProfile { deleteMyProfile }`, {});
        signOut();
        const main = document.getElementById('main');
        if (main) {
          replaceChildren(main, pageHeading('Your profile has been deleted'),
            h('p', {}, 'Your profile and personal data have been removed and you have been signed out.'),
            h('p', {}, h('a', { href: '#/' }, 'Search experts')));
        }
        announce('Your profile has been deleted.');
      } catch (error) {
        yes.disabled = false;
        no.disabled = false;
        panel.append(errorBox(error, 'Your profile could not be deleted'));
      }
    });
    replaceChildren(confirmArea, panel);
    panel.focus();
  });

  return h('section', { className: 'card', 'aria-labelledby': 'data-heading' },
    h('h2', { id: 'data-heading' }, 'Your data'),
    h('p', {}, 'Download everything this service holds about you, as one JSON file.'),
    download, status,
    h('h3', {}, 'Delete your profile'),
    h('p', {}, 'Removes your profile, skills and personal data from the service.'),
    remove, confirmArea);
}
