using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
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
            .Description("Asks to join a project, in any role but LEAD (nobody makes themselves a lead). It is a request until one of the project's leads "
                + "approves it (a network manager, where it has none): until then only you and they see it (me.joinRequests), and it links you to nobody. Returns you.")
            .Argument<NonNullGraphType<ContributionInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var contribution = c.GetArgument<ContributionInput>("input").ToContribution(Guid.Empty);
                return await Me.WriteAsync(c, async (store, me, now, ct) =>
                {
                    await store.RequestToJoinAsync(contribution with { PersonId = me }, now, ct);
                    return (await store.GetPeopleAsync([me], c.Request().Viewer, ct))[me];
                });
            });

        mutation.Field<NonNullGraphType<JoinRequestGraphType>>("addProjectContributor")
            .Description("Adds someone you may see to a project you lead, in any role but LEAD. They confirm (or decline) it before it counts: until then only "
                + "they and the project's leads see it.")
            .Argument<NonNullGraphType<AddProjectContributorInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var contribution = c.GetArgument<AddProjectContributorInput>("input").ToContribution();
                return await Me.WriteAsync(c, (store, me, now, ct) => store.AddToProjectAsync(contribution, c.Request().Viewer, now, ct));
            });

        mutation.Field<NonNullGraphType<ProjectGraphType>>("decideJoinRequest")
            .Description("Decides the pending contribution of personId to projectId. A request to join: its leads (a network manager, where it has no lead) "
                + "APPROVE or DECLINE it, and the person may DECLINE (withdraw) it. A lead's addition of someone: that person APPROVEs (confirms) or DECLINEs "
                + "it, and a lead may DECLINE (withdraw) it. Anyone else is told there is no such request. Returns the project.")
            .Argument<NonNullGraphType<IdGraphType>>("projectId")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "Whose contribution it is (your own id to answer an addition or withdraw your request).")
            .Argument<NonNullGraphType<EnumerationGraphType<JoinDecision>>>("decision")
            .ResolveAsync(async c =>
            {
                var (projectId, personId) = ProjectAndPerson(c);
                var decision = c.GetArgument<JoinDecision>("decision");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.DecideJoinRequestAsync(projectId, personId, decision, c.Request().Viewer, now, ct));
            });

        mutation.Field<NonNullGraphType<ProjectGraphType>>("handOverProjectLead")
            .Description("Hands your lead of a project to one of its confirmed contributors; you stay on it as formerLeadRole.")
            .Argument<NonNullGraphType<IdGraphType>>("projectId")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "A confirmed contributor to the project whom you may see.")
            .Argument<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("formerLeadRole", "Your role after the hand-over; not LEAD.",
                a => a.DefaultValue = ContributionRole.Member)
            .ResolveAsync(async c =>
            {
                var (projectId, personId) = ProjectAndPerson(c);
                var role = c.GetArgument<ContributionRole>("formerLeadRole");
                return await Me.WriteAsync(c, (store, me, now, ct) => store.HandOverLeadAsync(projectId, personId, role, c.Request().Viewer, now, ct));
            });

        mutation.Field<NonNullGraphType<ProjectGraphType>>("assignProjectLead")
            .Description("Network managers: makes a confirmed contributor the lead of a project that has no lead you can see (never yourself).")
            .Argument<NonNullGraphType<IdGraphType>>("projectId")
            .Argument<NonNullGraphType<IdGraphType>>("personId", "A confirmed contributor to the project whom you may see.")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var (projectId, personId) = ProjectAndPerson(c);
                return await Me.WriteAsync(c, (store, me, now, ct) => store.AssignLeadAsync(projectId, personId, c.Request().Viewer, now, ct));
            });

        mutation.Field<NonNullGraphType<PersonGraphType>>("removeMyContribution")
            .Description("Leaves a project you contribute to. A lead who leaves leaves it without a lead, until a network manager gives it one.")
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
            .Description("Changes a project you lead; fields not sent stay as they are. Every invalid field is reported at once (BAD_USER_INPUT with its field), and then nothing is written.")
            .Argument<NonNullGraphType<UpdateProjectInputGraphType>>("input")
            .ResolveAsync(async c =>
            {
                var (id, changes) = UpdateProjectInput.Read(c, c.GetArgument<Dictionary<string, object?>>("input"));
                return await Me.WriteAsync(c, (store, me, now, ct) => store.UpdateProjectAsync(id, changes, me, now, ct));
            });
    }

    /// <summary>The projectId and personId arguments, both checked before either is refused.</summary>
    private static (Guid ProjectId, Guid PersonId) ProjectAndPerson(IResolveFieldContext c)
    {
        var errors = new InputErrors();
        var projectId = errors.Read(() => c.IdArgument("Project", "projectId"));
        var personId = errors.Read(() => c.IdArgument("Person", "personId"));
        errors.ThrowIfAny();
        return (projectId, personId);
    }
}
