namespace IcsExpertiseGraph.Api.Experts;

/// <summary>How a concept was recognised, for the explanation.</summary>
public enum ConceptSource { Name, Alias, Misspelling, Word, Filter, Domain }
