using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// The store port: the system of record for the expertise graph. Two adapters implement it (embedded
/// SQLite, the default; Neo4j in production). Every method that can return a person applies the
/// viewer's visibility itself. Batch methods take many keys so GraphQL resolvers never query per row.
/// </summary>
public interface IExpertiseStore
{
    /// <summary>Creates or upgrades the store's schema; idempotent.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<bool> IsReachableAsync(CancellationToken cancellationToken);

    Task<bool> IsEmptyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Bumped by every committed write that changes what the read models hold, which in the same transaction records
    /// what it changed in the change feed (<see cref="ReadChangesAsync"/>); invitations and the outbox (which no read
    /// model holds) leave both alone.
    /// </summary>
    Task<long> GetChangeSequenceAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, Person>> GetPeopleAsync(IReadOnlyCollection<Guid> ids, Viewer viewer, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, Organisation>> GetOrganisationsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IntegratedCareSystem>> GetIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, Place>> GetPlacesAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, Project>> GetProjectsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken);

    /// <summary>The whole taxonomy: small (under a few hundred rows) and read on every search.</summary>
    Task<IReadOnlyList<Skill>> GetAllSkillsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<PersonSkill>>> GetSkillsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Employment>>> GetEmploymentsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsOfPeopleAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    /// <summary>Contributions to the given projects by people the viewer may see.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Contribution>>> GetContributionsToProjectsAsync(IReadOnlyCollection<Guid> projectIds, Viewer viewer, CancellationToken cancellationToken);

    /// <summary>People currently working at each organisation whom the viewer may see, by name.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Person>>> GetCurrentStaffAsync(IReadOnlyCollection<Guid> organisationIds, Viewer viewer, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetMethodsOfProjectsAsync(IReadOnlyCollection<Guid> projectIds, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> GetPlacesServedByOrganisationsAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Place>>> GetPlacesOfIntegratedCareSystemsAsync(IReadOnlyCollection<Guid> icsIds, CancellationToken cancellationToken);

    Task<Page<Person>> ListPeopleAsync(Viewer viewer, PageRequest page, CancellationToken cancellationToken);

    Task<Page<Organisation>> ListOrganisationsAsync(OrganisationFilter filter, PageRequest page, CancellationToken cancellationToken);

    Task<Page<IntegratedCareSystem>> ListIntegratedCareSystemsAsync(PageRequest page, CancellationToken cancellationToken);

    Task<Page<Project>> ListProjectsAsync(ProjectFilter filter, PageRequest page, CancellationToken cancellationToken);

    /// <summary>
    /// Every person matching the criteria that the viewer may see, with what the ranker scores. Ranking is
    /// not the store's job (see ExpertRanker); the in-memory index answers the same question faster.
    /// </summary>
    Task<IReadOnlyList<ExpertCandidate>> FindExpertCandidatesAsync(ExpertCriteria criteria, Viewer viewer, CancellationToken cancellationToken);

    /// <summary>Everything the in-memory collaboration graph needs, in one consistent read.</summary>
    Task<CollaborationSource> LoadCollaborationSourceAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The part of the collaboration graph's source a scope names, as it is now: the people (visibility, primary
    /// employer, every contribution), the organisations and the projects (with the projects those people contribute to).
    /// </summary>
    Task<CollaborationSource> LoadCollaborationSourceAsync(SourceScope scope, CancellationToken cancellationToken);

    /// <summary>Everything the in-memory search index needs, in one consistent read.</summary>
    Task<SearchSource> LoadSearchSourceAsync(CancellationToken cancellationToken);

    /// <summary>The part of the search index's source a scope names, as it is now: the people with their holdings and current employers, and the organisations.</summary>
    Task<SearchSource> LoadSearchSourceAsync(SourceScope scope, CancellationToken cancellationToken);

    /// <summary>
    /// The change feed after <paramref name="afterSequence"/>: whole sequences, oldest first, cut after about
    /// <paramref name="maxEntries"/> entries (a single sequence larger than that comes alone).
    /// </summary>
    Task<ChangeBatch> ReadChangesAsync(long afterSequence, int maxEntries, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the feed's entries up to <paramref name="throughSequence"/> (a reader still behind it rebuilds whole);
    /// returns how many went. Idempotent: instances may prune at once.
    /// </summary>
    Task<int> PruneChangesAsync(long throughSequence, CancellationToken cancellationToken);

    /// <summary>The person whose profile is linked to this identity-provider object id, if any.</summary>
    Task<Guid?> FindPersonIdByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>
    /// The caller's profile: the one linked to their object id; else an unlinked profile whose email matches their
    /// verified email, now linked (audited); else none. Never creates one: that is <see cref="CreateProfileAsync"/>.
    /// </summary>
    Task<Person?> LinkProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records whether this signed-in person is a network manager (their token carries the role, or Admin) so that requests
    /// on projects without a lead reach them; a sign-in without the role drops the record. Writes and audits only a change
    /// (ProjectRules.RecordRole); a viewer without a profile records nothing.
    /// </summary>
    Task RecordManagerRoleAsync(Viewer signedIn, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A new PRIVATE profile linked to the caller's sign-in, with their verified email if no other profile holds it; one
    /// transaction, audited. A sign-in already linked is refused (DuplicateException on <c>me</c>).
    /// </summary>
    Task<Person> CreateProfileAsync(SignedInIdentity identity, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When the profile linked to this sign-in was last erased (<see cref="DeletePersonAsync"/>), if ever; kept as a hash of the object id only.</summary>
    Task<DateTimeOffset?> GetErasureAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>Links a profile to an identity-provider object id (the local issuer's sign-ins: the token verb, the development sign-in); a profile already linked keeps its link.</summary>
    Task<Person> LinkIdentityAsync(Guid personId, string externalId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Applies the changes; with an expected version, refuses (VersionConflictException) if the profile has moved on.</summary>
    Task<Person> UpdateProfileAsync(Guid personId, ProfileChanges changes, long? expectedVersion, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Person> ConfirmProfileAsync(Guid personId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Adds or replaces the person's claim to a skill; a changed level or evidence clears verification.</summary>
    Task<Person> SetSkillAsync(Guid personId, SkillClaim claim, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Person> RemoveSkillAsync(Guid personId, Guid skillId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records an endorsement: not of oneself, once per pair and skill, and only of a skill the person holds. Returns the endorsed person.</summary>
    Task<Person> EndorseSkillAsync(Guid endorserId, Guid endorseeId, Guid skillId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A network manager vouches for a claimed skill.</summary>
    Task<Person> VerifySkillAsync(Guid personId, Guid skillId, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// The person asks to join a project (<see cref="Projects.ProjectRules.RequestToJoin"/>): a pending REQUEST, audited, with a
    /// notification to each of its leads, in one transaction. It is no contribution until approved, so nothing a read model
    /// holds changes (no change feed entry, no new profile version).
    /// </summary>
    Task<JoinRequest> RequestToJoinAsync(Contribution contribution, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A lead adds someone to their project (<see cref="Projects.ProjectRules.AddToProject"/>): a pending ADDITION the person confirms, audited, with a notification to them.</summary>
    Task<JoinRequest> AddToProjectAsync(Contribution contribution, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Approves, confirms, declines or withdraws the person's pending contribution to the project (<see cref="Projects.ProjectRules.Decide"/>):
    /// an agreed one becomes a contribution; audited and notified, in one transaction.
    /// </summary>
    Task<Project> DecideJoinRequestAsync(Guid projectId, Guid personId, JoinDecision decision, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The actor, a lead, hands the lead role to a confirmed contributor and keeps <paramref name="formerLeadRole"/> (<see cref="Projects.ProjectRules.HandOver"/>).</summary>
    Task<Project> HandOverLeadAsync(Guid projectId, Guid personId, ContributionRole formerLeadRole, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A network manager makes a confirmed contributor the lead of a project with no lead they can see (<see cref="Projects.ProjectRules.AssignLead"/>).</summary>
    Task<Project> AssignLeadAsync(Guid projectId, Guid personId, Viewer actor, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The person's own pending contributions, both kinds, newest first.</summary>
    Task<IReadOnlyList<JoinRequest>> GetJoinRequestsOfPersonAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>The pending contributions waiting on the viewer (<see cref="Projects.ProjectRules.AwaitsDecisionBy"/>), newest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<JoinRequest>> GetJoinRequestsAwaitingAsync(Viewer viewer, int limit, CancellationToken cancellationToken);

    Task<Person> RemoveContributionAsync(Guid personId, Guid projectId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Creates a project with its creator as LEAD, in one transaction.</summary>
    Task<Project> CreateProjectAsync(ProjectDraft draft, Guid creatorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Changes a project; only its leads may (a CodedException with code FORBIDDEN otherwise).</summary>
    Task<Project> UpdateProjectAsync(Guid projectId, ProjectChanges changes, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<Organisation> UpsertOrganisationAsync(OrganisationDraft draft, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Creates or updates people by email, all in one transaction; running it twice changes nothing the second time.</summary>
    Task<ImportSummary> ImportPeopleAsync(IReadOnlyList<PersonImport> people, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Everything held about a person, as one JSON document (the right of access).</summary>
    Task<string> ExportPersonAsync(Guid personId, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the person and their personal data (the right to erasure): profile, skills, employments and
    /// endorsements go, and their pending requests to join projects; their project contributions stay, moved to an anonymous
    /// former member (a lead's as a member: a project whose lead is erased is left without one); their audit
    /// trail keeps that changes happened, with no content and no actor naming them, and ends with the deletion. The
    /// sign-in linked to the profile is remembered, hashed, with the time (<see cref="GetErasureAsync"/>), in the same transaction.
    /// </summary>
    Task DeletePersonAsync(Guid personId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The audit trail of one person's profile, newest first.</summary>
    Task<IReadOnlyList<AuditEvent>> GetAuditTrailAsync(Guid personId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a whole network in one transaction; with <paramref name="replaceExisting"/> the old graph and its audit
    /// trail go in the same transaction.
    /// </summary>
    Task ImportAsync(NetworkSnapshot network, bool replaceExisting, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Records an invitation from <paramref name="inviterId"/> with its audit event and the invitee's notification, in one
    /// transaction, after <see cref="Invitations.InvitationRules.Check"/> passes on facts read in that transaction. A person
    /// who does not exist and one the inviter may not invite while hidden are the same NotFoundException.
    /// </summary>
    Task<Invitation> CreateInvitationAsync(Guid inviterId, InvitationDraft draft, InvitationPolicy policy, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The invitee accepts or declines an open invitation; audited, with a notification to the inviter, in one transaction.</summary>
    Task<Invitation> RespondToInvitationAsync(Guid invitationId, Guid inviteeId, InvitationResponse response, string? message, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The inviter withdraws an open invitation; audited, with a notification to the invitee.</summary>
    Task<Invitation> WithdrawInvitationAsync(Guid invitationId, Guid inviterId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Either party records the project an accepted invitation led to; audited. The invitee joins the project as an
    /// ADVISOR (unless already a contributor), so the work counts as evidence of their expertise.
    /// </summary>
    Task<Invitation> LinkInvitationToProjectAsync(Guid invitationId, Guid actorId, Guid projectId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records as EXPIRED (audited) every invitation still SENT at <paramref name="now"/> past its respondBy; returns how many. Writes nothing when there are none.</summary>
    Task<int> ExpireInvitationsAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>A person's invitations, received or sent, newest first, as stored (readers apply <see cref="Invitation.StatusAt"/>).</summary>
    Task<IReadOnlyList<Invitation>> GetInvitationsOfPersonAsync(Guid personId, InvitationSide side, int limit, CancellationToken cancellationToken);

    /// <summary>Every invitation to design work for one ICS, for the network managers' outcomes.</summary>
    Task<IReadOnlyList<Invitation>> GetInvitationsForSystemAsync(Guid icsId, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="personIds"/>, those who accepted an invitation from <paramref name="inviterId"/>: the consent that shows the inviter their email.</summary>
    Task<IReadOnlySet<Guid>> GetAcceptedInviteesAsync(Guid inviterId, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> unsent messages that are due and not claimed by another sender (or whose claim
    /// lapsed), until <paramref name="claimUntil"/>, counting an attempt on each.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int max, DateTimeOffset now, DateTimeOffset claimUntil, CancellationToken cancellationToken);

    Task MarkOutboxSentAsync(Guid messageId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// An attempt at a claimed message failed: its claim is released, and it is due again at <paramref name="retryAt"/>,
    /// or given up when that is null. Only the claim that took it (its <see cref="OutboxMessage.ClaimToken"/>) may do so:
    /// a sender whose claim lapsed and was taken by another changes nothing.
    /// </summary>
    Task MarkOutboxFailedAsync(OutboxMessage claimed, string failure, DateTimeOffset? retryAt, CancellationToken cancellationToken);

    /// <summary>The notifications addressed to a person, newest first, whether or not they were delivered.</summary>
    Task<IReadOnlyList<OutboxMessage>> GetNotificationsAsync(Guid recipientId, int limit, CancellationToken cancellationToken);
}
