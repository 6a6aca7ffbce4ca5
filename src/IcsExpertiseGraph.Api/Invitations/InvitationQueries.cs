using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>Query fields for invitations: what they came to in an ICS (network managers).</summary>
public static class InvitationQueries
{
    public static void AddInvitationQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<InvitationOutcomesGraphType>>("invitationOutcomes")
            .Description("Network managers: what invitations to design work in an ICS came to, and where demand for a skill outruns its available experts.")
            .Argument<NonNullGraphType<IdGraphType>>("icsId")
            .ResolveAsync(async c =>
            {
                Access.RequireNetworkManager(c);
                var icsId = c.IdArgument("IntegratedCareSystem", "icsId");
                var request = c.Request();
                if (await request.IntegratedCareSystems.Load(icsId).GetResultAsync(c.CancellationToken) is null)
                {
                    throw new NotFoundException("icsId", ErrorTexts.NoIntegratedCareSystemWithId);
                }

                var invitations = await request.Store.GetInvitationsForSystemAsync(icsId, c.CancellationToken);
                var index = await c.RequestServices!.GetRequiredService<ExpertIndexHost>().GetAsync(c.CancellationToken,
                    c.RequestServices!.GetRequiredService<ReadYourWrites>().MinimumFor(request.Viewer));
                var viewer = request.Viewer;
                // Supply: people in the ICS the manager may see, OPEN or LIMITED, holding the skill at PRACTITIONER or deeper.
                return InvitationReport.Build(icsId, invitations, Me.Now(c), skill => index.FindCandidates(
                    new ExpertCriteria([], [], [skill], SkillLevel.Practitioner, [], [icsId], [], [], AvailableOnly: true, null), viewer).Count);
            });
}
