namespace IcsExpertiseGraph.Api.Storage;

/// <summary>An endorsement as the person's data export shows it: the other person is named only if their profile is not private.</summary>
public sealed record ExportedEndorsement(string Direction, string? OtherPerson, Guid SkillId, DateTimeOffset At);
