namespace IcsExpertiseGraph.Api.Domain;

/// <summary>Who may see a person: everyone, signed-in network members, or only the person and admins.</summary>
public enum Visibility { Public, Network, Private }

