using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Profiles;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary>What invitations to design work in one ICS came to, as of one moment.</summary>
public sealed record InvitationOutcomes(
    Guid IntegratedCareSystemId, int Sent, int Open, int Accepted, int Declined, int Withdrawn, int Expired, int LedToProjects,
    double? MedianResponseHours, IReadOnlyList<SkillDemand> Demand);
