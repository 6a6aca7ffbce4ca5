namespace IcsExpertiseGraph.Api.Storage;

/// <summary>The store cannot be reached or refused our credentials: an operator's problem, reported in one clear line (no stack trace).</summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
