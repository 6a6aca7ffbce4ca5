// Invitations: what you were asked to help with (accept or decline), what you asked of others (withdraw; their
// email once they accept), linking an accepted invitation to the project it led to, your notifications, and for
// network managers the outcome counts of an ICS with the skills where demand outruns the available experts.
// The address keeps each list's status filter and the outcome ICS (?received=SENT&sent=ACCEPTED&ics=..).

import { ApiError, gql } from '../api';
import { announce, h, replaceChildren, uid, type Child } from '../dom';
import { domainLabels, formatDate, invitationStatusLabels, label } from '../labels';
import { integratedCareSystems, type IcsOption } from '../reference';
import { recordQuery, type PageContext } from '../router';
import { currentSession, isNetworkManager } from '../session';
import { badge, clearFormErrors, count, csvButton, errorBox, fileStem, formErrorSlot, loading, pageHeading, personLink, plural, showFormErrors, tableScroll } from '../ui';

const invitationFields = `id purpose integratedCareSystem { id name } skills { id name } hoursRequested message respondBy
  status sentAt respondedAt responseMessage project { id title }`;

const receivedQuery = `query ReceivedInvitations($status: InvitationStatus) {
  me { id invitations(status: $status, first: 100) { ${invitationFields} inviter { id displayName } } }
}`;
const sentQuery = `query SentInvitations($status: InvitationStatus) {
  me { id sentInvitations(status: $status, first: 100) { ${invitationFields} invitee { id displayName email } } }
}`;
const notificationsQuery = `query MyNotifications {
  me { id notifications(first: 10) { id kind subject body createdAt delivery } }
}`;
const respondMutation = `mutation RespondToInvitation($id: ID!, $response: InvitationResponse!, $message: String) {
  respondToInvitation(id: $id, response: $response, message: $message) { ${invitationFields} inviter { id displayName } }
}`;
const withdrawMutation = `mutation WithdrawInvitation($id: ID!) {
  withdrawInvitation(id: $id) { ${invitationFields} invitee { id displayName email } }
}`;
const linkMutation = `mutation LinkInvitationToProject($id: ID!, $projectId: ID!) {
  linkInvitationToProject(id: $id, projectId: $projectId) { id project { id title } }
}`;
const myProjectsQuery = `query MyProjects { me { id contributions { project { id title status } } } }`;
const inviterProjectsQuery = `query InviterProjects($id: ID!) { person(id: $id) { id contributions { project { id title status } } } }`;
const outcomesQuery = `query InvitationOutcomes($icsId: ID!) {
  invitationOutcomes(icsId: $icsId) {
    integratedCareSystem { id name }
    sent open accepted declined withdrawn expired ledToProjects medianResponseHours
    demand { skill { id name domain } requested availableExperts shortfall }
  }
}`;

interface Person { id: string; displayName: string; email?: string | null }
interface Invitation {
  id: string; purpose: string; integratedCareSystem: { id: string; name: string }; skills: { id: string; name: string }[];
  hoursRequested: number; message: string | null; respondBy: string; status: string; sentAt: string;
  respondedAt: string | null; responseMessage: string | null; project: { id: string; title: string } | null;
  inviter?: Person | null; invitee?: Person | null;
}
interface Notification { id: string; kind: string; subject: string; body: string; createdAt: string; delivery: string }
interface Outcomes {
  integratedCareSystem: { id: string; name: string };
  sent: number; open: number; accepted: number; declined: number; withdrawn: number; expired: number; ledToProjects: number;
  medianResponseHours: number | null;
  demand: { skill: { id: string; name: string; domain: string }; requested: number; availableExperts: number; shortfall: boolean }[];
}

type Side = 'received' | 'sent';
const statuses = Object.keys(invitationStatusLabels);
const deliveryLabels: Record<string, string> = { PENDING: 'email pending', EMAILED: 'emailed', NOT_EMAILED: 'not emailed' };

export async function invitationsPage({ main, query, signal }: PageContext): Promise<void> {
  main.append(pageHeading('Invitations'));
  const session = currentSession();
  if (!session) {
    main.append(h('p', {}, 'Invitations to design work are private: only the person who sent one and the person it was sent to can see it. ',
      h('a', { href: `#/sign-in?return=${encodeURIComponent(location.hash || '#/invitations')}` }, 'Sign in'), ' to see the invitations you received and sent.'));
    return;
  }

  const filters: Record<Side, string> = {
    received: statuses.includes(query.get('received') ?? '') ? query.get('received') ?? '' : '',
    sent: statuses.includes(query.get('sent') ?? '') ? query.get('sent') ?? '' : '',
  };
  let outcomeIcs = query.get('ics') ?? '';
  const manager = isNetworkManager(session);
  const record = () => recordQuery('/invitations', { received: filters.received, sent: filters.sent, ics: manager ? outcomeIcs : '' }, false);

  const received = listSection('received', 'Received', 'Invitations others sent you, newest first.');
  const sent = listSection('sent', 'Sent', 'Invitations you sent, newest first. You see an invitee\'s email once they accept.');
  const notificationsBody = h('div', {});
  const notifications = h('section', { 'aria-labelledby': 'notifications-heading', className: 'invitation-section' },
    h('h2', { id: 'notifications-heading', tabindex: '-1' }, 'Notifications'), notificationsBody);

  const contents = h('nav', { 'aria-label': 'On this page', className: 'page-contents' }, h('ul', {},
    h('li', {}, h('a', { href: '#received-heading', onclick: jumpTo('received-heading') }, 'Received')),
    h('li', {}, h('a', { href: '#sent-heading', onclick: jumpTo('sent-heading') }, 'Sent')),
    h('li', {}, h('a', { href: '#notifications-heading', onclick: jumpTo('notifications-heading') }, 'Notifications')),
    manager ? h('li', {}, h('a', { href: '#outcomes-heading', onclick: jumpTo('outcomes-heading') }, 'Outcome counts')) : null));

  main.append(contents, received.section, sent.section, notifications);
  if (manager) main.append(outcomesSection());

  await Promise.all([loadList('received'), loadList('sent'), loadNotifications()]);

  function listSection(side: Side, title: string, hint: string): { section: HTMLElement; body: HTMLElement } {
    const select = h('select', { id: `${side}-status`, name: `${side}-status` },
      h('option', { value: '' }, 'Any status'),
      statuses.map((s) => h('option', { value: s, ...(s === filters[side] ? { selected: true } : {}) }, label(invitationStatusLabels, s))));
    select.addEventListener('change', () => { filters[side] = select.value; record(); void loadList(side); });
    const body = h('div', { 'aria-busy': 'false' });
    const section = h('section', { 'aria-labelledby': `${side}-heading`, className: 'invitation-section' },
      h('h2', { id: `${side}-heading`, tabindex: '-1' }, title),
      h('p', { className: 'muted' }, hint),
      h('div', { className: 'field' }, h('label', { for: select.id }, `Show ${title.toLowerCase()} invitations with status`), select),
      body);
    return { section, body };
  }

  async function loadList(side: Side): Promise<void> {
    const body = (side === 'received' ? received : sent).body;
    body.setAttribute('aria-busy', 'true');
    replaceChildren(body, loading(`${side} invitations`));
    try {
      const status = filters[side] || null;
      const list = side === 'received'
        ? (await gql<{ me: { invitations: Invitation[] | null } }>(receivedQuery, { status }, signal)).me.invitations
        : (await gql<{ me: { sentInvitations: Invitation[] | null } }>(sentQuery, { status }, signal)).me.sentInvitations;
      if (signal.aborted) return;
      const items = list ?? [];
      const filtered = filters[side] ? ` with status “${label(invitationStatusLabels, filters[side])}”` : '';
      const summary = items.length === 0 ? `No ${side} invitations${filtered}.` : `${items.length} ${side} invitation${items.length === 1 ? '' : 's'}${filtered}.`;
      announce(summary); // the count only: the list itself is not a live region, or every reload would read it all
      replaceChildren(body,
        h('p', { className: 'result-count' }, summary),
        items.length ? h('ul', { className: 'results invitations' }, items.map((inv) => invitationItem(side, inv))) : null);
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(body, errorBox(error, `Your ${side} invitations could not be loaded`));
    } finally {
      body.setAttribute('aria-busy', 'false');
    }
  }

  async function loadNotifications(): Promise<void> {
    replaceChildren(notificationsBody, loading('notifications'));
    try {
      const list = (await gql<{ me: { notifications: Notification[] | null } }>(notificationsQuery, {}, signal)).me.notifications ?? [];
      if (signal.aborted) return;
      replaceChildren(notificationsBody, list.length === 0 ? h('p', {}, 'No notifications yet.') : h('ul', { className: 'notifications' }, list.map((n) => h('li', {},
        h('strong', {}, n.subject), ' ',
        h('span', { className: 'muted' }, `· ${formatDateTime(n.createdAt)} · ${label(deliveryLabels, n.delivery)}`),
        h('details', {}, h('summary', {}, 'Read the message'), h('p', { className: 'pre-wrap' }, n.body))))));
    } catch (error) {
      if (signal.aborted) return;
      replaceChildren(notificationsBody, errorBox(error, 'Your notifications could not be loaded'));
    }
  }

  /** One invitation as a list item; its actions redraw it in place with the answer the API returns. */
  function invitationItem(side: Side, inv: Invitation): HTMLElement {
    const item = h('li', { className: `result invitation invitation--${inv.status.toLowerCase()}` });
    drawInvitation(item, side, inv);
    return item;
  }

  function drawInvitation(item: HTMLElement, side: Side, inv: Invitation): void {
    item.className = `result invitation invitation--${inv.status.toLowerCase()}`;
    const other = side === 'received' ? inv.inviter : inv.invitee;
    const headingId = uid('invitation');
    replaceChildren(item,
      h('h3', { id: headingId }, inv.purpose),
      h('p', { className: 'result-meta' },
        h('span', { className: `status status--${inv.status.toLowerCase()}` }, h('span', { className: 'visually-hidden' }, 'Status: '), label(invitationStatusLabels, inv.status)),
        ` · ${side === 'received' ? 'From' : 'To'} `, other ? personLink(other) : h('span', {}, 'a hidden profile'),
        ` · sent ${formatDate(inv.sentAt)}`),
      h('dl', { className: 'facts' },
        fact('ICS', inv.integratedCareSystem.name),
        fact('Skills wanted', h('ul', { className: 'skill-list' }, inv.skills.map((s) => h('li', {}, s.name)))),
        fact('Hours requested', String(inv.hoursRequested)),
        fact('Respond by', formatDate(inv.respondBy)),
        inv.message ? fact('Message', h('span', { className: 'pre-wrap' }, inv.message)) : null,
        inv.respondedAt ? fact('Answered', formatDate(inv.respondedAt)) : null,
        inv.responseMessage ? fact(side === 'received' ? 'Your answer' : 'Their answer', h('span', { className: 'pre-wrap' }, inv.responseMessage)) : null,
        side === 'sent' && inv.status === 'ACCEPTED'
          ? fact('Their email', inv.invitee?.email ? h('a', { href: `mailto:${inv.invitee.email}` }, inv.invitee.email) : 'not shown')
          : null,
        inv.project ? fact('Led to project', h('span', {}, inv.project.title)) : null),
      side === 'received' && inv.status === 'SENT' ? answerForm(item, inv, headingId) : null,
      side === 'sent' && inv.status === 'SENT' ? withdrawControl(item, inv, headingId) : null,
      inv.status === 'ACCEPTED' && !inv.project ? linkControl(item, side, inv, headingId) : null);
  }

  function answerForm(item: HTMLElement, inv: Invitation, headingId: string): HTMLElement {
    const id = uid('answer');
    const message = h('textarea', { id: `${id}-message`, name: 'message', rows: '3', maxlength: '2000', 'aria-describedby': `${id}-hint` });
    const consentId = `${id}-consent`;
    const accept = h('button', { type: 'submit', className: 'button', value: 'ACCEPT', 'aria-describedby': consentId }, 'Accept');
    const decline = h('button', { type: 'submit', className: 'button button--secondary', value: 'DECLINE' }, 'Decline');
    const form = h('form', { className: 'answer-form', novalidate: true, 'aria-labelledby': `${id}-title` },
      h('h4', { id: `${id}-title`, className: 'visually-hidden' }, `Answer: ${inv.purpose}`),
      formErrorSlot(),
      h('div', { className: 'field' },
        h('label', { for: message.id }, 'Your answer (optional)'),
        h('span', { className: 'hint', id: `${id}-hint` }, `Up to 2,000 characters; ${inv.inviter?.displayName ?? 'the inviter'} sees it either way.`),
        message),
      h('div', { className: 'button-row' }, accept, decline),
      h('p', { className: 'consent', id: consentId },
        h('strong', {}, 'Accepting shares your email address with '), h('strong', {}, inv.inviter?.displayName ?? 'the inviter'),
        ': by accepting you agree to that. Declining shares nothing.'));
    form.setAttribute('aria-describedby', headingId);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const response = (event as SubmitEvent).submitter === decline ? 'DECLINE' : 'ACCEPT';
      clearFormErrors(form);
      if (message.value.trim().length > 2000) { showFormErrors(form, new ApiError([{ field: 'message', code: 'BAD_USER_INPUT', message: 'Your answer must be at most 2,000 characters.' }], 400)); return; }
      accept.disabled = decline.disabled = true;
      try {
        const data = await gql<{ respondToInvitation: Invitation }>(respondMutation, { id: inv.id, response, message: message.value.trim() || null }, signal);
        drawInvitation(item, 'received', data.respondToInvitation);
        announce(response === 'ACCEPT' ? `Accepted: ${inv.purpose}. Your email is now shared with the inviter.` : `Declined: ${inv.purpose}.`);
        item.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
        item.querySelector<HTMLElement>('h3')?.focus();
        void loadNotifications();
      } catch (error) {
        if (signal.aborted) return;
        accept.disabled = decline.disabled = false;
        showFormErrors(form, error, { 'input.message': 'message' });
      }
    });
    return form;
  }

  function withdrawControl(item: HTMLElement, inv: Invitation, headingId: string): HTMLElement {
    const errors = h('div', {});
    const button = h('button', { type: 'button', className: 'button button--warning', 'aria-describedby': headingId }, 'Withdraw');
    // Withdrawing cannot be undone and tells the invitee at once, so it asks once more.
    const confirm = h('button', { type: 'button', className: 'button button--warning' }, 'Yes, withdraw it');
    const keep = h('button', { type: 'button', className: 'button button--secondary' }, 'Keep it');
    const confirmRow = h('div', { className: 'button-row', hidden: true }, h('span', {}, 'Withdraw this invitation?'), confirm, keep);
    button.addEventListener('click', () => { button.hidden = true; confirmRow.hidden = false; confirm.focus(); });
    keep.addEventListener('click', () => { confirmRow.hidden = true; button.hidden = false; button.focus(); });
    confirm.addEventListener('click', async () => {
      confirm.disabled = keep.disabled = true;
      errors.replaceChildren();
      try {
        const data = await gql<{ withdrawInvitation: Invitation }>(withdrawMutation, { id: inv.id }, signal);
        drawInvitation(item, 'sent', data.withdrawInvitation);
        announce(`Withdrawn: ${inv.purpose}.`);
        item.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
        item.querySelector<HTMLElement>('h3')?.focus();
      } catch (error) {
        if (signal.aborted) return;
        confirm.disabled = keep.disabled = false;
        errors.replaceChildren(errorBox(error, 'The invitation could not be withdrawn'));
      }
    });
    return h('div', { className: 'invitation-actions' }, errors, button, confirmRow,
      h('span', { className: 'muted' }, ` ${inv.invitee?.displayName ?? 'They'} will be told it was withdrawn.`));
  }

  function linkControl(item: HTMLElement, side: Side, inv: Invitation, headingId: string): HTMLElement {
    const slot = h('div', { className: 'invitation-actions' });
    const open = h('button', { type: 'button', className: 'button button--secondary', 'aria-describedby': headingId, 'aria-expanded': 'false' }, 'Link to a project');
    slot.append(open);
    open.addEventListener('click', async () => {
      open.disabled = true;
      try {
        // Only a project the inviter works on can be linked: theirs, read from their profile.
        const projects = side === 'sent'
          ? (await gql<{ me: { contributions: { project: { id: string; title: string; status: string } }[] } }>(myProjectsQuery, {}, signal)).me.contributions
          : inv.inviter
            ? (await gql<{ person: { contributions: { project: { id: string; title: string; status: string } }[] } | null }>(inviterProjectsQuery, { id: inv.inviter.id }, signal)).person?.contributions ?? []
            : [];
        open.remove();
        slot.append(linkForm(item, side, inv, projects.map((c) => c.project)));
        slot.querySelector<HTMLSelectElement>('select')?.focus();
      } catch (error) {
        if (signal.aborted) return;
        open.disabled = false;
        slot.append(errorBox(error, 'The projects could not be loaded'));
      }
    });
    return slot;
  }

  function linkForm(item: HTMLElement, side: Side, inv: Invitation, projects: { id: string; title: string }[]): HTMLElement {
    const whose = side === 'sent' ? 'your' : `${inv.inviter?.displayName ?? 'the inviter'}’s`;
    if (!projects.length) {
      return h('p', { className: 'muted' }, `There are no projects on ${whose} profile to link. Record the project first (it must be one the inviter works on).`);
    }
    const id = uid('link');
    const select = h('select', { id: `${id}-project`, name: 'projectId' },
      h('option', { value: '' }, 'Choose a project'),
      projects.map((p) => h('option', { value: p.id }, p.title)));
    const form = h('form', { className: 'link-form', novalidate: true },
      formErrorSlot(),
      h('div', { className: 'field' },
        h('label', { for: select.id }, 'The project this invitation led to'),
        h('span', { className: 'hint' }, `One of ${whose} projects. A link is recorded once and cannot be changed${side === 'received' ? '; linking it yourself adds you to the project as an advisor: at once if the inviter leads it, otherwise once its lead approves' : ''}.`),
        select),
      h('button', { type: 'submit', className: 'button' }, 'Link project'));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      if (!select.value) { showFormErrors(form, new ApiError([{ field: 'projectId', code: 'BAD_USER_INPUT', message: 'Choose the project the invitation led to.' }], 400)); return; }
      try {
        const data = await gql<{ linkInvitationToProject: { project: { id: string; title: string } | null } }>(linkMutation, { id: inv.id, projectId: select.value }, signal);
        drawInvitation(item, side, { ...inv, project: data.linkInvitationToProject.project });
        announce(`Linked to ${data.linkInvitationToProject.project?.title ?? 'the project'}.`);
      } catch (error) {
        if (signal.aborted) return;
        showFormErrors(form, error);
      }
    });
    return form;
  }

  function outcomesSection(): HTMLElement {
    const select = h('select', { id: 'outcomes-ics', name: 'icsId' }, h('option', { value: '' }, 'Loading the ICS list…'));
    const body = h('div', { 'aria-busy': 'false' });
    const section = h('section', { 'aria-labelledby': 'outcomes-heading', className: 'invitation-section' },
      h('h2', { id: 'outcomes-heading', tabindex: '-1' }, 'Outcome counts'),
      h('p', { className: 'muted' }, 'For network managers: what invitations to design work in an ICS came to, and the skills where requests outrun the available experts.'),
      h('div', { className: 'field' }, h('label', { for: select.id }, 'Integrated Care System'), select),
      body);
    select.addEventListener('change', () => { outcomeIcs = select.value; record(); void loadOutcomes(); });

    async function loadOutcomes(): Promise<void> {
      if (!outcomeIcs) { replaceChildren(body, h('p', {}, 'Choose an ICS to see its counts.')); return; }
      body.setAttribute('aria-busy', 'true');
      replaceChildren(body, loading('outcome counts'));
      try {
        const o = (await gql<{ invitationOutcomes: Outcomes }>(outcomesQuery, { icsId: outcomeIcs }, signal)).invitationOutcomes;
        if (signal.aborted) return;
        drawOutcomes(body, o);
      } catch (error) {
        if (signal.aborted) return;
        replaceChildren(body, errorBox(error, 'The outcome counts could not be loaded'));
      } finally {
        body.setAttribute('aria-busy', 'false');
      }
    }

    integratedCareSystems().then((systems: IcsOption[]) => {
      if (signal.aborted) return;
      replaceChildren(select, h('option', { value: '' }, 'Choose an ICS'),
        systems.map((s) => h('option', { value: s.id, ...(s.id === outcomeIcs ? { selected: true } : {}) }, s.name)));
      void loadOutcomes();
    }).catch((error: unknown) => { if (!signal.aborted) replaceChildren(body, errorBox(error, 'The ICS list could not be loaded')); });
    return section;
  }
}

function drawOutcomes(body: HTMLElement, o: Outcomes): void {
  const shortfalls = o.demand.filter((d) => d.shortfall).length;
  const counts: [string, string][] = [
    ['Sent (all, whatever became of them)', count(o.sent)], ['Awaiting an answer', count(o.open)], ['Accepted', count(o.accepted)], ['Declined', count(o.declined)],
    ['Withdrawn', count(o.withdrawn)], ['Expired', count(o.expired)], ['Led to a project', count(o.ledToProjects)],
    ['Median hours to an answer', o.medianResponseHours === null ? 'no answers yet' : o.medianResponseHours.toFixed(1)],
  ];
  const icsName = o.integratedCareSystem.name;
  replaceChildren(body,
    h('table', { className: 'outcome-counts' },
      h('caption', { className: 'visually-hidden' }, `Invitations to design work in ${icsName}, by what became of them`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col', className: 'number' }, 'Invitations'))),
      h('tbody', {}, counts.map(([name, value]) => h('tr', {}, h('th', { scope: 'row' }, name), h('td', { className: 'number' }, value))))),
    h('div', { className: 'downloads' },
      csvButton('Download the outcomes (CSV)', 'invitation-outcomes', o.integratedCareSystem.id, fileStem('invitation outcomes', icsName)),
      o.demand.length ? csvButton('Download the demand (CSV)', 'skill-demand', o.integratedCareSystem.id, fileStem('skill demand', icsName)) : null),
    h('h3', {}, 'Demand for skills'),
    o.demand.length === 0 ? h('p', {}, 'No invitations in this ICS have asked for skills yet.') : [
      h('p', {}, shortfalls
        ? `${count(shortfalls)} of the ${plural(o.demand.length, 'most requested skill')} ${shortfalls === 1 ? 'is' : 'are'} short: more invitations asked for it than there are available people holding it (marked “Short”).`
        : `None of the ${plural(o.demand.length, 'most requested skill')} is short of available people.`),
      tableScroll(h('table', { className: 'demand' },
        h('caption', { className: 'visually-hidden' }, 'Skills most asked for, with available experts'),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, 'Skill'), h('th', { scope: 'col', className: 'number' }, 'Invitations asking for it'),
          h('th', { scope: 'col', className: 'number' }, 'Available people holding it'), h('th', { scope: 'col' }, 'Shortfall'))),
        h('tbody', {}, o.demand.map((d) => h('tr', { className: d.shortfall ? 'shortfall' : '' },
          h('th', { scope: 'row' }, d.skill.name, h('span', { className: 'org-detail' }, label(domainLabels, d.skill.domain))),
          h('td', { className: 'number' }, count(d.requested)),
          h('td', { className: 'number' }, count(d.availableExperts)),
          h('td', {}, d.shortfall ? [badge('Short', 'warning'), ` by ${count(d.requested - d.availableExperts)}`] : 'No')))))),
    ]);
}

function fact(name: string, value: Node | string): Child {
  return [h('dt', {}, name), h('dd', {}, value)];
}

function jumpTo(id: string): (event: Event) => void {
  return (event) => {
    event.preventDefault();
    const target = document.getElementById(id);
    target?.scrollIntoView();
    target?.focus();
  };
}

function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
}
