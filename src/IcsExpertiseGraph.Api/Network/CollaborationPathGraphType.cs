using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Experts;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Projects;

namespace IcsExpertiseGraph.Api.Network;

public sealed class CollaborationPathGraphType : ObjectGraphType<CollaborationPathResult>
{
    public CollaborationPathGraphType()
    {
        Name = "CollaborationPath";
        Field<NonNullGraphType<IntGraphType>>("length").Description("How many introductions: one fewer than the people.").Resolve(c => c.Source.Projects.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("people").Resolve(c => c.Request().People.LoadMany(c.Source.People));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProjectGraphType>>>>("projects").Description("Project i is one that person i and person i+1 both worked on (their most recent).")
            .Resolve(c => c.Request().Projects.LoadMany(c.Source.Projects));
    }
}
