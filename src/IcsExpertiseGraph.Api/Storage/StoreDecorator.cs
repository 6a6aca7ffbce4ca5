namespace IcsExpertiseGraph.Api.Storage;

/// <summary>A wrapper around the store port (e.g. tracing), applied in the order registered.</summary>
public sealed record StoreDecorator(Func<IExpertiseStore, IExpertiseStore> Wrap);
