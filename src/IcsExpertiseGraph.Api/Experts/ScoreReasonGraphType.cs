using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class ScoreReasonGraphType : ObjectGraphType<ScoreReason>
{
    public ScoreReasonGraphType()
    {
        Name = "ScoreReason";
        Description = "One signal's part in a score, in plain English.";
        Field<NonNullGraphType<EnumerationGraphType<ScoreSignal>>>("signal").Resolve(c => c.Source.Signal);
        Field<NonNullGraphType<StringGraphType>>("detail").Resolve(c => c.Source.Detail);
        Field<NonNullGraphType<FloatGraphType>>("contribution").Description("What this signal added; the contributions add up to the score.")
            .Resolve(c => c.Source.Contribution);
    }
}
