namespace IcsExpertiseGraph.Api.Domain;

/// <summary>
/// (Person)-[:PENDING_CONTRIBUTION]->(Project): a contribution waiting for the other side's consent (<see cref="Kind"/>
/// says whose). It is not a contribution yet: nothing that reads contributions (contributor lists, the collaboration
/// graph, paths, brokers, ranking evidence) sees it, and only the person and the project's deciders read it, with the
/// name the person asked under (<see cref="PersonName"/>: asking is consent to be named to those who decide).
/// </summary>
public sealed record JoinRequest(
    Guid PersonId,
    Guid ProjectId,
    ContributionRole Role,
    DateOnly? From,
    DateOnly? To,
    JoinRequestKind Kind,
    DateTimeOffset RequestedAt,
    string PersonName)
{
    /// <summary>The contribution it becomes once agreed.</summary>
    public Contribution Contribution => new(PersonId, ProjectId, Role, From, To);
}
