using GraphQL.Types;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A scored person: the shape shared by search edges and similarExperts.</summary>
public sealed class ExpertMatchGraphType : ObjectGraphType<ExpertMatch>
{
    public ExpertMatchGraphType()
    {
        Name = "ExpertMatch";
        this.AddMatchFields(m => m);
    }
}
