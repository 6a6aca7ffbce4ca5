// Plain-English names for the API's enum values, in one place.

export const domainLabels: Record<string, string> = {
  QUALITY_PLANNING: 'Quality planning',
  QUALITY_IMPROVEMENT: 'Quality improvement',
  QUALITY_CONTROL: 'Quality control',
  QUALITY_ASSURANCE: 'Quality assurance',
  SYSTEMS_THINKING: 'Systems thinking',
  IMPROVEMENT_ENABLERS: 'Improvement enablers',
};

export const levelLabels: Record<string, string> = {
  AWARENESS: 'Awareness',
  PRACTITIONER: 'Practitioner',
  EXPERT: 'Expert',
  COACH: 'Coach',
};

export const evidenceLabels: Record<string, string> = {
  TRAINING: 'Training',
  PROJECT: 'Project',
  CREDENTIAL: 'Credential',
  PUBLICATION: 'Publication',
};

export const organisationTypeLabels: Record<string, string> = {
  INTEGRATED_CARE_BOARD: 'Integrated care board',
  ACUTE_TRUST: 'Acute trust',
  COMMUNITY_TRUST: 'Community trust',
  MENTAL_HEALTH_TRUST: 'Mental health trust',
  AMBULANCE_TRUST: 'Ambulance trust',
  PRIMARY_CARE_NETWORK: 'Primary care network',
  GP_PRACTICE: 'GP practice',
  LOCAL_AUTHORITY: 'Local authority',
  VCSE: 'Voluntary, community or social enterprise',
  ACADEMIC: 'Academic',
  COMMISSIONING_SUPPORT: 'Commissioning support',
  OTHER: 'Other',
};

export const availabilityLabels: Record<string, string> = {
  OPEN: 'Available',
  LIMITED: 'Limited availability',
  NOT_AVAILABLE: 'Not available',
};

export const visibilityLabels: Record<string, string> = {
  PUBLIC: 'Public: anyone',
  NETWORK: 'Network: signed-in members',
  PRIVATE: 'Private: only you and administrators',
};

export const signalLabels: Record<string, string> = {
  TEXT: 'Words matched',
  SKILL_LEVEL: 'Skill level',
  EVIDENCE: 'Evidence',
  VERIFICATION: 'Verified',
  ENDORSEMENTS: 'Endorsements',
  PROJECT_EVIDENCE: 'Project evidence',
  FRESHNESS: 'Profile freshness',
  AVAILABILITY: 'Availability',
  SHARED_SKILLS: 'Shared skills',
  SHARED_DOMAINS: 'Shared domains',
};

export const contributionRoleLabels: Record<string, string> = {
  LEAD: 'Lead',
  MEMBER: 'Member',
  SPONSOR: 'Sponsor',
  COACH: 'Coach',
  ADVISOR: 'Advisor',
};

export const projectStatusLabels: Record<string, string> = {
  PLANNED: 'Planned',
  ACTIVE: 'Active',
  COMPLETED: 'Completed',
  PAUSED: 'Paused',
};

export const invitationStatusLabels: Record<string, string> = {
  SENT: 'Awaiting answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
};

export function label(labels: Record<string, string>, value: string | null | undefined): string {
  if (!value) return '';
  return labels[value] ?? value;
}

// The values the service's own sentences name (levels, domains, evidence); other capitals (SPC, DMAIC) are words.
const codeWords: Record<string, string> = { ...levelLabels, ...domainLabels, ...evidenceLabels };

/**
 * A sentence the service wrote (a reason for a rank) in the words the pages use: it names values as the API does
 * ("Lean: COACH", "Availability LIMITED"), which reads as a code to a designer.
 */
export function readable(text: string): string {
  return text
    .replace(/\bAvailability (OPEN|LIMITED|NOT_AVAILABLE)\b/g, (_, code: string) => label(availabilityLabels, code))
    .replace(/\b[A-Z]+(?:_[A-Z]+)*\b/g, (code) => codeWords[code] ?? code);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}
