using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

public sealed partial class Neo4jExpertiseStore
{
    public Task<Person> AddContributionAsync(Guid personId, Contribution contribution, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.ProjectAsync(contribution.ProjectId, "projectId");
            if (contribution.From > contribution.To)
            {
                throw new RuleViolationException("from", "from must not be after to.");
            }

            var leads = (await write.FirstAsync("get-project-leads", ("projectId", Id(contribution.ProjectId)), ("personId", Id(personId))))!.Value;
            if (contribution.Role == ContributionRole.Lead && leads.Long("leads") > 0)
            {
                // Leads may edit the project; a project that has one is led by whoever its leads are.
                throw new ForbiddenException("This project already has a lead; join it as a member, coach, sponsor or advisor.");
            }

            if ((await write.FirstAsync("add-contribution", ("personId", Id(personId)), ("projectId", Id(contribution.ProjectId)),
                    ("role", EnumText.Name(contribution.Role)), ("from", Date(contribution.From)), ("to", Date(contribution.To))))?.Long("created") is not > 0)
            {
                throw new DuplicateException("projectId", "You are already a contributor to this project; remove the contribution to change it.");
            }

            await write.TouchPersonAsync(personId, now);
            await write.AuditAsync(now, actorId, "ADD_CONTRIBUTION", personId, null,
                new { projectId = contribution.ProjectId, role = EnumText.Name(contribution.Role), contribution.From, contribution.To });
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Person> RemoveContributionAsync(Guid personId, Guid projectId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.ProjectAsync(projectId, "projectId");
            if ((await write.FirstAsync("remove-contribution", ("personId", Id(personId)), ("projectId", Id(projectId))))?.Long("removed") is not > 0)
            {
                throw new NotFoundException("projectId", "You are not a contributor to that project.");
            }

            await write.TouchPersonAsync(personId, now);
            await write.AuditAsync(now, actorId, "REMOVE_CONTRIBUTION", personId, new { projectId }, null);
            return await write.PersonAsync(personId);
        }, cancellationToken);

    public Task<Project> CreateProjectAsync(ProjectDraft draft, Guid creatorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(creatorId);
            await write.RequireOrganisationAsync(draft.HostOrganisationId, "hostOrganisationId");
            var methods = draft.MethodSkillIds.Distinct().ToList();
            await write.RequireSkillsAsync(methods, "methodSkillIds");
            var id = Guid.CreateVersion7(now);
            await write.RunAsync("create-project", ("id", Id(id)), ("fields", ProjectFields(draft.Title, draft.Aim, draft.Status, draft.StartDate, draft.EndDate, draft.OutcomeSummary)),
                ("hostId", Id(draft.HostOrganisationId)), ("methodIds", Ids(methods)), ("creatorId", Id(creatorId)),
                ("from", Date(draft.StartDate ?? DateOnly.FromDateTime(now.UtcDateTime))));
            await write.TouchPersonAsync(creatorId, now);
            write.Changed(ChangeKind.Project, id);
            await write.AuditAsync(now, creatorId, "CREATE_PROJECT", creatorId, null, new { projectId = id, draft.Title, role = "LEAD" });
            return await write.ProjectAsync(id, "id");
        }, cancellationToken);

    public Task<Project> UpdateProjectAsync(Guid projectId, ProjectChanges changes, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.ProjectAsync(projectId, "id");
            await write.PersonAsync(actorId);
            if ((await write.FirstAsync("get-project-leads", ("projectId", Id(projectId)), ("personId", Id(actorId))))?.Long("ledByPerson") is not > 0)
            {
                throw new ForbiddenException("Only the project's leads may change it.");
            }

            var after = changes.ApplyTo(before);
            if (after.StartDate > after.EndDate)
            {
                throw new RuleViolationException("endDate", "endDate must not be before startDate.");
            }

            await write.RequireOrganisationAsync(after.HostOrganisationId, "hostOrganisationId");
            var methods = changes.MethodSkillIds.IsSet ? changes.MethodSkillIds.Value.Distinct().ToList() : [];
            await write.RequireSkillsAsync(methods, "methodSkillIds");
            var updated = await write.FirstAsync("update-project", ("id", Id(projectId)),
                ("fields", ProjectFields(after.Title, after.Aim, after.Status, after.StartDate, after.EndDate, after.OutcomeSummary)),
                ("hostId", Id(after.HostOrganisationId)), ("replaceMethods", changes.MethodSkillIds.IsSet), ("methodIds", Ids(methods)));
            // The methods a project used are evidence for each contributor's skills: when they change, so do the contributors.
            foreach (var contributor in updated?.List("contributors") ?? [])
            {
                write.Changed(ChangeKind.Person, Guid.Parse(contributor.GetString()!));
            }

            write.Changed(ChangeKind.Project, projectId);
            await write.AuditAsync(now, actorId, "UPDATE_PROJECT", actorId, new { projectId, before.Title, before.Status }, new { projectId, after.Title, after.Status });
            return await write.ProjectAsync(projectId, "id");
        }, cancellationToken);

    public Task<Organisation> UpsertOrganisationAsync(OrganisationDraft draft, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var byCode = draft.OdsCode is { } code ? (await write.FirstAsync("find-organisation-by-ods-code", ("odsCode", code)))?.Id("id") : null;
            Guid? existing = draft.Id is { } id
                ? await write.FirstAsync("get-organisations", ("ids", new[] { Id(id) })) is not null ? id : throw new NotFoundException("id", "There is no organisation with that id.")
                : byCode;
            if (byCode is { } holder && holder != existing)
            {
                throw new DuplicateException("odsCode", "Another organisation already has that ODS code.");
            }

            if (draft.IntegratedCareSystemId is { } system && await write.FirstAsync("get-integrated-care-systems", ("ids", new[] { Id(system) })) is null)
            {
                throw new NotFoundException("integratedCareSystemId", "There is no ICS with that id.");
            }

            var organisationId = existing ?? Guid.CreateVersion7(now);
            // Fields left out of the request stay as they are (the update statement keeps an absent ODS code and ICS).
            await write.RunAsync(existing is null ? "create-organisation" : "update-organisation", ("id", Id(organisationId)), ("odsCode", draft.OdsCode),
                ("name", draft.Name), ("type", EnumText.Name(draft.Type)), ("icsId", Id(draft.IntegratedCareSystemId)));
            write.Changed(ChangeKind.Organisation, organisationId);
            await write.AuditAsync(now, actorId, existing is null ? "CREATE_ORGANISATION" : "UPDATE_ORGANISATION", organisationId, null,
                new { draft.OdsCode, draft.Name, Type = EnumText.Name(draft.Type) }, subjectType: "Organisation");
            return Neo4jMapping.Organisation((await write.FirstAsync("get-organisations", ("ids", new[] { Id(organisationId) })))!.Value);
        }, cancellationToken);

    private static Dictionary<string, object?> ProjectFields(string title, string? aim, ProjectStatus status, DateOnly? start, DateOnly? end, string? outcome) => new()
    {
        ["title"] = title, ["aim"] = aim, ["status"] = EnumText.Name(status), ["startDate"] = Date(start), ["endDate"] = Date(end), ["outcomeSummary"] = outcome,
    };
}
