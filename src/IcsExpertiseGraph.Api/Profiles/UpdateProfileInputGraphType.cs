using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

public sealed class UpdateProfileInputGraphType : InputObjectGraphType
{
    public UpdateProfileInputGraphType()
    {
        Name = "UpdateProfileInput";
        Description = "Only the fields you send change; send null to clear a field that may be empty.";
        Field<StringGraphType>("displayName").Description($"1 to {ProfileValidation.DisplayNameMax} characters.");
        Field<StringGraphType>("headline").Description($"At most {ProfileValidation.HeadlineMax} characters.");
        Field<StringGraphType>("bio").Description($"At most {ProfileValidation.BioMax} characters.");
        Field<StringGraphType>("orcid").Description("An ORCID iD (0000-0002-1825-0097); the check digit is verified.");
        Field<StringGraphType>("email").Description("Shown only to you and to admins.");
        Field<EnumerationGraphType<Visibility>>("visibility").Description("PUBLIC: anyone; NETWORK: signed-in members; PRIVATE: you and admins.");
        Field<AvailabilityInputGraphType>("availability");
        Field<IntGraphType>("expectedVersion").Description("The version you last read; if the profile has moved on, the update is refused with CONFLICT.");
    }

    internal static (ProfileChanges Changes, long? ExpectedVersion) Read(Dictionary<string, object?> input)
    {
        var availability = input.GetValueOrDefault("availability") as Dictionary<string, object?>;
        var changes = new ProfileChanges(
            Get<string>(input, "displayName"),
            Get<string?>(input, "headline"),
            Get<string?>(input, "bio"),
            Get<string?>(input, "orcid"),
            Get<string?>(input, "email"),
            Required<Visibility>(input, "visibility"),
            Required<AvailabilityStatus>(availability, "status", "availability.status"),
            Get<int?>(availability, "hoursPerMonth"),
            Required<bool>(availability, "openToCrossOrganisation", "availability.openToCrossOrganisation"),
            Get<string?>(availability, "terms"));
        return (ProfileValidation.Checked(changes), input.GetValueOrDefault("expectedVersion") is int version ? version : null);
    }

    private static Change<T> Get<T>(Dictionary<string, object?>? input, string key) =>
        input is not null && input.TryGetValue(key, out var value) ? Change.To((T)value!) : default;

    /// <summary>A field that may be left out but not cleared.</summary>
    private static Change<T> Required<T>(Dictionary<string, object?>? input, string key, string? field = null) where T : struct =>
        input is null || !input.TryGetValue(key, out var value) ? default
        : value is T typed ? Change.To(typed)
        : throw new BadUserInputError(field ?? key, $"{field ?? key} cannot be cleared; leave it out to keep it as it is.");
}
