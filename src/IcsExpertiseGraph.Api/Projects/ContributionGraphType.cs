using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Projects;

/// <summary>(Person)-[:CONTRIBUTED_TO]->(Project), seen from either end.</summary>
public sealed class ContributionGraphType : ObjectGraphType<Contribution>
{
    public ContributionGraphType()
    {
        Name = "Contribution";
        Field<NonNullGraphType<Experts.PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<ProjectGraphType>>("project").Resolve(c => c.Request().Projects.Load(c.Source.ProjectId));
        Field<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("role").Resolve(c => c.Source.Role);
        Field<DateScalar>("from").Resolve(c => c.Source.From);
        Field<DateScalar>("to").Resolve(c => c.Source.To);
    }
}
