namespace IcsExpertiseGraph.Api.Domain;

public sealed record Availability(
    AvailabilityStatus Status,
    int? HoursPerMonth,
    bool OpenToCrossOrganisation,
    string? Terms);
