using System.Net.Mail;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>The limits a profile keeps, checked before anything is written; each failure names its field.</summary>
public static class ProfileValidation
{
    public const int DisplayNameMax = 120;
    public const int HeadlineMax = 200;
    public const int BioMax = 4000;
    public const int TermsMax = 500;
    public const int EmailMax = 254;
    public const int HoursPerMonthMax = 200;
    public const int YearsMax = 60;

    /// <summary>The changes trimmed, or refused naming every field at fault at once (a form shows them all together).</summary>
    public static ProfileChanges Checked(ProfileChanges changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var errors = new InputErrors();
        if (changes.DisplayName.IsSet && (changes.DisplayName.Value is null || changes.DisplayName.Value.Trim().Length is 0 or > DisplayNameMax))
        {
            errors.Add("displayName", $"displayName must be 1 to {DisplayNameMax} characters.");
        }

        Longest(errors, changes.Headline, HeadlineMax, "headline");
        Longest(errors, changes.Bio, BioMax, "bio");
        Longest(errors, changes.Terms, TermsMax, "availability.terms");
        if (changes.Orcid.IsSet && changes.Orcid.Value is { } orcid && !Orcid.IsValid(orcid))
        {
            errors.Add("orcid", "orcid must be an ORCID iD like 0000-0002-1825-0097 with a correct check digit.");
        }

        if (changes.Email.IsSet && changes.Email.Value is { } email && !IsEmail(email))
        {
            errors.Add("email", "email must be a single email address, like jane.smith@nhs.net.");
        }

        if (changes.HoursPerMonth.IsSet && changes.HoursPerMonth.Value is < 0 or > HoursPerMonthMax)
        {
            errors.Add("availability.hoursPerMonth", $"hoursPerMonth must be between 0 and {HoursPerMonthMax}.");
        }

        errors.ThrowIfAny();
        return changes with
        {
            DisplayName = changes.DisplayName.IsSet ? Change.To(changes.DisplayName.Value!.Trim()) : changes.DisplayName,
            Headline = Trimmed(changes.Headline),
            Bio = Trimmed(changes.Bio),
            Terms = Trimmed(changes.Terms),
            Email = changes.Email.IsSet ? Change.To(changes.Email.Value?.Trim()) : changes.Email,
        };
    }

    public static int? CheckedYears(int? years) => years is < 0 or > YearsMax
        ? throw new BadUserInputError("years", $"years must be between 0 and {YearsMax}.")
        : years;

    private static void Longest(InputErrors errors, Change<string?> change, int max, string field)
    {
        if (change.IsSet && change.Value?.Length > max)
        {
            errors.Add(field, $"{field} must be at most {max} characters.");
        }
    }

    /// <summary>Blank text is no text: stored as null, not as spaces.</summary>
    private static Change<string?> Trimmed(Change<string?> change) =>
        change.IsSet ? Change.To(string.IsNullOrWhiteSpace(change.Value) ? null : change.Value.Trim()) : change;

    private static bool IsEmail(string value)
    {
        var text = value.Trim();
        return text.Length <= EmailMax && MailAddress.TryCreate(text, out var address) && address.Address == text && text.Contains('.', StringComparison.Ordinal)
            && !text.Contains(' ', StringComparison.Ordinal);
    }
}
