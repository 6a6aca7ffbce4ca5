using GraphQL;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public static class CodedExceptionExtensions
{
    /// <summary>
    /// A refusal made before execution (the endpoint's own request checks), as the GraphQL result's error; the error
    /// info provider reports its code and field as it does for one a resolver throws.
    /// </summary>
    public static ExecutionError ToExecutionError(this CodedException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ExecutionError(exception.Message, exception) { Code = exception.Code };
    }
}
