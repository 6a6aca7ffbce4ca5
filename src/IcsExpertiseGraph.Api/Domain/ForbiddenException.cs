namespace IcsExpertiseGraph.Api.Domain;

/// <summary>The caller may not change this record (e.g. a project they do not lead), or may not make this request (<paramref name="field"/> names the argument).</summary>
public sealed class ForbiddenException(string message, string field = "id") : CodedException(ErrorCodes.Forbidden, field, message);
