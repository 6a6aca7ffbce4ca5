using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Auth;

public sealed record DevelopmentSession(string Token, DateTimeOffset ExpiresAt, Person Person);
