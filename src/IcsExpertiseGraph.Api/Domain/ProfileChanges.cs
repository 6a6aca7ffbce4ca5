namespace IcsExpertiseGraph.Api.Domain;

/// <summary>What <c>updateMyProfile</c> asks to change; fields not mentioned stay as they are.</summary>
public sealed record ProfileChanges(
    Change<string> DisplayName,
    Change<string?> Headline,
    Change<string?> Bio,
    Change<string?> Orcid,
    Change<string?> Email,
    Change<Visibility> Visibility,
    Change<AvailabilityStatus> AvailabilityStatus,
    Change<int?> HoursPerMonth,
    Change<bool> OpenToCrossOrganisation,
    Change<string?> Terms)
{
    /// <summary>The profile as it is with these changes: fields not mentioned keep their values.</summary>
    public Person ApplyTo(Person before)
    {
        ArgumentNullException.ThrowIfNull(before);
        return before with
        {
            DisplayName = DisplayName.Or(before.DisplayName),
            Headline = Headline.Or(before.Headline),
            Bio = Bio.Or(before.Bio),
            Orcid = Orcid.Or(before.Orcid),
            Email = Email.Or(before.Email),
            Visibility = Visibility.Or(before.Visibility),
            Availability = new Availability(
                AvailabilityStatus.Or(before.Availability.Status),
                HoursPerMonth.Or(before.Availability.HoursPerMonth),
                OpenToCrossOrganisation.Or(before.Availability.OpenToCrossOrganisation),
                Terms.Or(before.Availability.Terms)),
        };
    }
}
