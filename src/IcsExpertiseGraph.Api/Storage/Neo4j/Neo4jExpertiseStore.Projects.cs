using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Projects;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's project writes: leaving a project, and projects their leads create and change (joining is in the Joining part).</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<Person> RemoveContributionAsync(Guid personId, Guid projectId, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            await write.PersonAsync(personId);
            await write.ProjectAsync(projectId, "projectId");
            var audit = ProjectRules.RemoveContribution(personId, projectId,
                contributed: (await write.FirstAsync("remove-contribution", ("personId", Id(personId)), ("projectId", Id(projectId))))?.Long("removed") > 0);
            await write.TouchPersonAsync(personId, now);
            await write.AuditAsync(now, actorId, audit);
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
                ("from", Date(ProjectRules.LeadFrom(draft, now))));
            await write.TouchPersonAsync(creatorId, now);
            write.Changed(ChangeKind.Project, id);
            await write.AuditAsync(now, creatorId, ProjectRules.Created(creatorId, id, draft));
            return await write.ProjectAsync(id, "id");
        }, cancellationToken);

    public Task<Project> UpdateProjectAsync(Guid projectId, ProjectChanges changes, Guid actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var before = await write.ProjectAsync(projectId, "id");
            await write.PersonAsync(actorId);
            var after = ProjectRules.Update(before, changes,
                actorLeads: (await write.FirstAsync("get-project-leads", ("projectId", Id(projectId)), ("personId", Id(actorId))))?.Long("ledByPerson") > 0);

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
            await write.AuditAsync(now, actorId, ProjectRules.Updated(actorId, before, after));
            return await write.ProjectAsync(projectId, "id");
        }, cancellationToken);

    private static Dictionary<string, object?> ProjectFields(string title, string? aim, ProjectStatus status, DateOnly? start, DateOnly? end, string? outcome) => new()
    {
        ["title"] = title, ["aim"] = aim, ["status"] = EnumText.Name(status), ["startDate"] = Date(start), ["endDate"] = Date(end), ["outcomeSummary"] = outcome,
    };
}
