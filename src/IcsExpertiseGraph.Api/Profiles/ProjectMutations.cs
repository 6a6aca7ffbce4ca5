using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>Contributions, projects and organisations: the work that makes collaboration visible.</summary>
public static partial class ProjectMutations
{
    public const int TitleMax = 200;
    public const int TextMax = 2000;

    public static void AddProjectMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PersonGraphType>>("addMyContribution")
            .Description("Records your part in a project.")
            .Argument<NonNullGraphType<ContributionInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var contribution = new Contribution(Guid.Empty, GlobalId.Parse(input["projectId"] as string, "Project", "projectId"),
                    (ContributionRole)input["role"]!, input.GetValueOrDefault("from") as DateOnly?, input.GetValueOrDefault("to") as DateOnly?);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.AddContributionAsync(me, contribution with { PersonId = me }, me, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("removeMyContribution")
            .Argument<NonNullGraphType<IdGraphType>>("projectId")
            .ResolveAsync(async c =>
            {
                var projectId = c.IdArgument("Project", "projectId");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.RemoveContributionAsync(me, projectId, me, now, ct));
            });

        mutation.Field<NonNullGraphType<ProjectGraphType>>("createProject")
            .Description("Creates a project with you as its lead.")
            .Argument<NonNullGraphType<CreateProjectInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var draft = new ProjectDraft(
                    Required(input, "title", TitleMax), Optional(input, "aim", TextMax), input.GetValueOrDefault("status") as ProjectStatus? ?? ProjectStatus.Planned,
                    input.GetValueOrDefault("startDate") as DateOnly?, input.GetValueOrDefault("endDate") as DateOnly?, Optional(input, "outcomeSummary", TextMax),
                    input.GetValueOrDefault("hostOrganisationId") is string host ? GlobalId.Parse(host, "Organisation", "hostOrganisationId") : null,
                    c.IdListArgument(input, "methodSkillIds", "Skill", "methodSkillIds"));
                if (draft.StartDate > draft.EndDate)
                {
                    throw new BadUserInputError("endDate", ProjectRules.EndBeforeStart);
                }

                return await Me.WriteAsync(c, (store, me, now, ct) => store.CreateProjectAsync(draft, me, now, ct));
            });

        mutation.Field<NonNullGraphType<ProjectGraphType>>("updateProject")
            .Description("Changes a project you lead; fields not sent stay as they are.")
            .Argument<NonNullGraphType<UpdateProjectInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var id = GlobalId.Parse(input["id"] as string, "Project", "id");
                var changes = new ProjectChanges(
                    input.ContainsKey("title") ? Change.To(Required(input, "title", TitleMax)) : default,
                    input.ContainsKey("aim") ? Change.To(Optional(input, "aim", TextMax)) : default,
                    input.GetValueOrDefault("status") is ProjectStatus status ? Change.To(status) : default,
                    input.TryGetValue("startDate", out var start) ? Change.To(start as DateOnly?) : default,
                    input.TryGetValue("endDate", out var end) ? Change.To(end as DateOnly?) : default,
                    input.ContainsKey("outcomeSummary") ? Change.To(Optional(input, "outcomeSummary", TextMax)) : default,
                    input.TryGetValue("hostOrganisationId", out var hostValue)
                        ? Change.To<Guid?>(hostValue is string host ? GlobalId.Parse(host, "Organisation", "hostOrganisationId") : null)
                        : default,
                    input.ContainsKey("methodSkillIds") ? Change.To(c.IdListArgument(input, "methodSkillIds", "Skill", "methodSkillIds")) : default);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpdateProjectAsync(id, changes, me, now, ct));
            });

        mutation.Field<NonNullGraphType<OrganisationGraphType>>("upsertOrganisation")
            .Description("Network managers: creates an organisation, or updates the one with this id (else this ODS code).")
            .Argument<NonNullGraphType<OrganisationInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                Me.RequireNetworkManager(c);
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var ods = Optional(input, "odsCode", 6)?.ToUpperInvariant();
                if (ods is not null && !OdsCode().IsMatch(ods))
                {
                    throw new BadUserInputError("odsCode", "odsCode must be 3 to 6 letters and digits, as the NHS Organisation Data Service issues them.");
                }

                var draft = new OrganisationDraft(
                    input.GetValueOrDefault("id") is string id ? GlobalId.Parse(id, "Organisation", "id") : null, ods, Required(input, "name", TitleMax),
                    (OrganisationType)input["type"]!,
                    input.GetValueOrDefault("integratedCareSystemId") is string ics ? GlobalId.Parse(ics, "IntegratedCareSystem", "integratedCareSystemId") : null);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpsertOrganisationAsync(draft, me, now, ct));
            });
    }

    private static string Required(Dictionary<string, object?> input, string field, int max) =>
        Optional(input, field, max) ?? throw new BadUserInputError(field, $"{field} must not be empty.");

    private static string? Optional(Dictionary<string, object?> input, string field, int max) =>
        input.GetValueOrDefault(field) is not string text || string.IsNullOrWhiteSpace(text) ? null
        : text.Trim().Length > max ? throw new BadUserInputError(field, $"{field} must be at most {max} characters.")
        : text.Trim();

    [GeneratedRegex("^[A-Z0-9]{3,6}$")]
    private static partial Regex OdsCode();
}

public sealed class ContributionInputGraphType : InputObjectGraphType
{
    public ContributionInputGraphType()
    {
        Name = "ContributionInput";
        Field<NonNullGraphType<IdGraphType>>("projectId");
        Field<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("role");
        Field<DateScalar>("from");
        Field<DateScalar>("to");
    }
}

public sealed class CreateProjectInputGraphType : InputObjectGraphType
{
    public CreateProjectInputGraphType()
    {
        Name = "CreateProjectInput";
        Field<NonNullGraphType<StringGraphType>>("title").Description($"1 to {ProjectMutations.TitleMax} characters.");
        Field<StringGraphType>("aim");
        Field<EnumerationGraphType<ProjectStatus>>("status").Description("PLANNED when left out.");
        Field<DateScalar>("startDate");
        Field<DateScalar>("endDate");
        Field<StringGraphType>("outcomeSummary");
        Field<IdGraphType>("hostOrganisationId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("methodSkillIds").Description("The skills (methods) the project uses.");
    }
}

public sealed class UpdateProjectInputGraphType : InputObjectGraphType
{
    public UpdateProjectInputGraphType()
    {
        Name = "UpdateProjectInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("title");
        Field<StringGraphType>("aim");
        Field<EnumerationGraphType<ProjectStatus>>("status");
        Field<DateScalar>("startDate");
        Field<DateScalar>("endDate");
        Field<StringGraphType>("outcomeSummary");
        Field<IdGraphType>("hostOrganisationId");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("methodSkillIds");
    }
}

public sealed class OrganisationInputGraphType : InputObjectGraphType
{
    public OrganisationInputGraphType()
    {
        Name = "OrganisationInput";
        Field<IdGraphType>("id").Description("The organisation to update; leave out to match by ODS code or create.");
        Field<StringGraphType>("odsCode");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("type");
        Field<IdGraphType>("integratedCareSystemId");
    }
}
