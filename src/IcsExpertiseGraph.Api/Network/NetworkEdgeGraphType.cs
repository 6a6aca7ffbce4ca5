using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.Network;

public sealed class NetworkEdgeGraphType : ObjectGraphType<NetworkEdge>
{
    public NetworkEdgeGraphType()
    {
        Name = "NetworkEdge";
        Field<NonNullGraphType<IdGraphType>>("from").Resolve(c => GlobalId.Encode("Person", c.Source.From));
        Field<NonNullGraphType<IdGraphType>>("to").Resolve(c => GlobalId.Encode("Person", c.Source.To));
        Field<NonNullGraphType<IntGraphType>>("weight").Description("Projects the two share.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectGraphType>>>>("projects").Description("Most recent first.")
            .Resolve(c => c.Request().Projects.LoadMany(c.Source.Projects));
    }
}
