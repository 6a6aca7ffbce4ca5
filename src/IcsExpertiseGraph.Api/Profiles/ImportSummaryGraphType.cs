using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

public sealed class ImportSummaryGraphType : ObjectGraphType<ImportSummary>
{
    public ImportSummaryGraphType()
    {
        Name = "ImportSummary";
        Field<NonNullGraphType<IntGraphType>>("created").Resolve(c => c.Source.Created);
        Field<NonNullGraphType<IntGraphType>>("updated").Resolve(c => c.Source.Updated);
        Field<NonNullGraphType<IntGraphType>>("unchanged").Resolve(c => c.Source.Unchanged);
    }
}
