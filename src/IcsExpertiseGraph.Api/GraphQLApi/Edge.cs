using System.Buffers.Text;
using System.Globalization;
using System.Text;
using GraphQL.Builders;

namespace IcsExpertiseGraph.Api.GraphQLApi;

public sealed record Edge<T>(string Cursor, T Node);
