using IcsExpertiseGraph.Api.Experts;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>An immutable in-memory view built from the store, stamped with the change it reflects.</summary>
public interface IReadModel
{
    /// <summary>The store's change sequence this model reflects.</summary>
    long Sequence { get; }
}
