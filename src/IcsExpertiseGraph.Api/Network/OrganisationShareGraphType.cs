using GraphQL.Types;
using IcsExpertiseGraph.Api.Catalog;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Network;

public sealed class OrganisationShareGraphType : ObjectGraphType<OrganisationShare>
{
    public OrganisationShareGraphType()
    {
        Name = "OrganisationCollaborationShare";
        Field<NonNullGraphType<OrganisationGraphType>>("organisation").Resolve(c => c.Request().Organisations.Load(c.Source.Organisation));
        Field<NonNullGraphType<IntGraphType>>("collaborationWeight").Resolve(c => c.Source.CollaborationWeight);
        Field<NonNullGraphType<IntGraphType>>("crossBoundaryWeight").Resolve(c => c.Source.CrossBoundaryWeight);
        Field<NonNullGraphType<FloatGraphType>>("crossBoundaryShare").Resolve(c => c.Source.CrossBoundaryShare);
    }
}
