using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>Mutation fields for contributions and projects: the work that makes collaboration visible.</summary>
public static class ProjectMutations
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
                var input = c.GetArgument<ContributionInput>("input");
                var contribution = input.ToContribution(Guid.Empty);
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
                var draft = c.GetArgument<CreateProjectInput>("input").ToDraft();
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
                    input.ContainsKey("title") ? Change.To(InputText.Required(input.GetValueOrDefault("title") as string, "title", TitleMax)) : default,
                    input.ContainsKey("aim") ? Change.To(InputText.Optional(input.GetValueOrDefault("aim") as string, "aim", TextMax)) : default,
                    input.GetValueOrDefault("status") is ProjectStatus status ? Change.To(status) : default,
                    input.TryGetValue("startDate", out var start) ? Change.To(start as DateOnly?) : default,
                    input.TryGetValue("endDate", out var end) ? Change.To(end as DateOnly?) : default,
                    input.ContainsKey("outcomeSummary") ? Change.To(InputText.Optional(input.GetValueOrDefault("outcomeSummary") as string, "outcomeSummary", TextMax)) : default,
                    input.TryGetValue("hostOrganisationId", out var hostValue)
                        ? Change.To<Guid?>(hostValue is string host ? GlobalId.Parse(host, "Organisation", "hostOrganisationId") : null)
                        : default,
                    input.ContainsKey("methodSkillIds") ? Change.To(c.IdListArgument(input, "methodSkillIds", "Skill", "methodSkillIds")) : default);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpdateProjectAsync(id, changes, me, now, ct));
            });
    }
}
