namespace IcsExpertiseGraph.Api.Experts;

/// <summary>A change from the feed that a read model cannot apply; the model is rebuilt whole instead.</summary>
public sealed class ReadModelChangeException(string message) : Exception(message);
