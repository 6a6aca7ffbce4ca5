namespace IcsExpertiseGraph.Api.Storage;

/// <summary>What a change-feed entry says changed, so a read model knows what to read again.</summary>
public enum ChangeKind
{
    /// <summary>A person's profile, skills, endorsements received, employments or contributions (their state is read again by id).</summary>
    Person,

    /// <summary>A person who was erased: read models drop them.</summary>
    PersonRemoved,

    /// <summary>A project's own fields (dates, methods); its contributors' changes come as their own Person entries.</summary>
    Project,

    /// <summary>An organisation's name, type, ICS or places.</summary>
    Organisation,

    /// <summary>The whole network was replaced (seed, import of a network): read models rebuild whole.</summary>
    Network,
}

