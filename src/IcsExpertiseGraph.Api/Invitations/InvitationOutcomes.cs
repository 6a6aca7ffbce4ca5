using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Directory;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQL;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>What invitations to design work in one ICS came to, as of one moment.</summary>
public sealed record InvitationOutcomes(
    Guid IntegratedCareSystemId, int Sent, int Open, int Accepted, int Declined, int Withdrawn, int Expired, int LedToProjects,
    double? MedianResponseHours, IReadOnlyList<SkillDemand> Demand);

/// <summary>How often a skill was asked for against how many available experts in the ICS hold it.</summary>
public sealed record SkillDemand(Guid SkillId, int Requested, int AvailableExperts)
{
    /// <summary>Shortfall: more invitations asked for the skill than there are available experts to answer them.</summary>
    public bool Shortfall => AvailableExperts < Requested;
}

public static class InvitationReport
{
    public const int MaxDemandRows = 20;

    /// <summary>The counts by status as of <paramref name="now"/>, the median time to an answer, and the most-asked-for skills with their supply.</summary>
    public static InvitationOutcomes Build(Guid icsId, IReadOnlyList<Invitation> invitations, DateTimeOffset now, Func<Guid, int> availableExperts)
    {
        var statuses = invitations.Select(i => i.StatusAt(now)).ToList();
        int Count(InvitationStatus status) => statuses.Count(s => s == status);
        var hours = invitations.Where(i => i.RespondedAt is not null && i.Status is InvitationStatus.Accepted or InvitationStatus.Declined)
            .Select(i => (i.RespondedAt!.Value - i.SentAt).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        var demand = invitations.SelectMany(i => i.SkillIds.Distinct()).GroupBy(s => s)
            .Select(g => (SkillId: g.Key, Requested: g.Count()))
            .OrderByDescending(d => d.Requested).ThenBy(d => d.SkillId)
            .Take(MaxDemandRows)
            .Select(d => new SkillDemand(d.SkillId, d.Requested, availableExperts(d.SkillId)))
            .ToList();
        return new InvitationOutcomes(icsId, invitations.Count, Count(InvitationStatus.Sent), Count(InvitationStatus.Accepted), Count(InvitationStatus.Declined),
            Count(InvitationStatus.Withdrawn), Count(InvitationStatus.Expired), invitations.Count(i => i.ProjectId is not null), median, demand);
    }
}

public static class InvitationOutcomesQuery
{
    public static void AddInvitationOutcomes(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<InvitationOutcomesGraphType>>("invitationOutcomes")
            .Description("Network managers: what invitations to design work in an ICS came to, and where demand for a skill outruns its available experts.")
            .Argument<NonNullGraphType<IdGraphType>>("icsId")
            .ResolveAsync(async c =>
            {
                Me.RequireNetworkManager(c);
                var icsId = c.IdArgument("IntegratedCareSystem", "icsId");
                var request = c.Request();
                if (await request.IntegratedCareSystems.Load(icsId).GetResultAsync(c.CancellationToken) is null)
                {
                    throw new NotFoundError("icsId", ErrorTexts.NoIntegratedCareSystemWithId);
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

public sealed class InvitationOutcomesGraphType : ObjectGraphType<InvitationOutcomes>
{
    public InvitationOutcomesGraphType()
    {
        Name = "InvitationOutcomes";
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem").Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
        Field<NonNullGraphType<IntGraphType>>("sent").Description("Every invitation sent, whatever became of it.").Resolve(c => c.Source.Sent);
        Field<NonNullGraphType<IntGraphType>>("open").Description("Still awaiting an answer.").Resolve(c => c.Source.Open);
        Field<NonNullGraphType<IntGraphType>>("accepted").Resolve(c => c.Source.Accepted);
        Field<NonNullGraphType<IntGraphType>>("declined").Resolve(c => c.Source.Declined);
        Field<NonNullGraphType<IntGraphType>>("withdrawn").Resolve(c => c.Source.Withdrawn);
        Field<NonNullGraphType<IntGraphType>>("expired").Resolve(c => c.Source.Expired);
        Field<NonNullGraphType<IntGraphType>>("ledToProjects").Description("Accepted invitations linked to the project they led to.").Resolve(c => c.Source.LedToProjects);
        Field<FloatGraphType>("medianResponseHours").Description("Median hours from sending to an answer; null before any answer.").Resolve(c => c.Source.MedianResponseHours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillDemandGraphType>>>>("demand")
            .Description($"The {InvitationReport.MaxDemandRows} skills most asked for, with how many available experts in the ICS hold them.").Resolve(c => c.Source.Demand);
    }
}

public sealed class SkillDemandGraphType : ObjectGraphType<SkillDemand>
{
    public SkillDemandGraphType()
    {
        Name = "SkillDemand";
        Field<NonNullGraphType<SkillGraphType>>("skill").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(c.Source.SkillId));
        Field<NonNullGraphType<IntGraphType>>("requested").Description("Invitations that asked for it.").Resolve(c => c.Source.Requested);
        Field<NonNullGraphType<IntGraphType>>("availableExperts").Description("People in the ICS, OPEN or LIMITED, holding it at PRACTITIONER or deeper.").Resolve(c => c.Source.AvailableExperts);
        Field<NonNullGraphType<BooleanGraphType>>("shortfall").Description("More asks than available experts: where the network is short.").Resolve(c => c.Source.Shortfall);
    }
}
