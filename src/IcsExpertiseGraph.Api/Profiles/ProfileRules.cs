using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>
/// The rules of a profile's own writes (sign-in link and creation, update, confirm, delete, bulk import), in one place for both stores:
/// each store reads the facts inside the write's transaction, asks here, and writes what the rule decided.
/// </summary>
public static class ProfileRules
{
    public const string EmailTaken = "That email address belongs to another profile.";

    /// <summary>A sign-in asks for a profile when it has one already.</summary>
    public static DuplicateException AlreadyHasProfile() => new("me", "Your sign-in already has a profile.");

    public static AuditEntry Created(Guid personId, string name) =>
        new(AuditActions.CreateProfile, personId, null, new { displayName = name, visibility = "PRIVATE" });

    /// <summary>A sign-in linked to an existing profile with the token's verified email.</summary>
    public static AuditEntry LinkedByEmail(Guid personId) => new(AuditActions.LinkIdentity, personId, null, new { linkedBy = "verified email" });

    /// <summary>A profile linked to a token of the local issuer (the token verb).</summary>
    public static AuditEntry LinkedByLocalIssuer(Guid personId) => new(AuditActions.LinkIdentity, personId, null, new { linkedBy = "local issuer" });

    /// <summary>The address another profile must not hold for this change to go ahead, or null when the change needs no check.</summary>
    public static string? EmailToCheck(Person before, ProfileChanges changes)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(changes);
        var email = changes.Email.Or(before.Email);
        return changes.Email.IsSet && email is not null && !string.Equals(email, before.Email, StringComparison.OrdinalIgnoreCase) ? email : null;
    }

    /// <summary>
    /// Decides an update: a stale <paramref name="expectedVersion"/> is a conflict, an email another profile holds is
    /// taken; otherwise the profile as it becomes, and the audit event that records the fields that changed.
    /// </summary>
    public static (Person After, AuditEntry Audit) Update(Person before, ProfileChanges changes, long? expectedVersion, bool emailTaken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(changes);
        if (expectedVersion is { } expected && expected != before.Version)
        {
            throw new VersionConflictException(before.Version);
        }

        if (emailTaken)
        {
            throw new DuplicateException("email", EmailTaken);
        }

        var after = changes.ApplyTo(before);
        // The trail keeps what changed: the fields whose values differ, before and after.
        var (was, becomes) = ProfileAudit.Changed(before, after);
        return (after, new AuditEntry(AuditActions.UpdateProfile, before.Id, was, becomes));
    }

    public static AuditEntry Confirmed(Person before, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new(AuditActions.ConfirmProfile, before.Id, new { before.LastConfirmedAt }, new { LastConfirmedAt = now });
    }

    /// <summary>A deleted profile's trail keeps that it was deleted, and nothing of what it said.</summary>
    public static AuditEntry Deleted(Guid personId) => new(AuditActions.DeleteProfile, personId, null, null);

    /// <summary>A row of a bulk import names an organisation no ODS code matches: the whole import is refused, naming the first such row.</summary>
    public static RuleViolationException UnknownOrganisation(int row, string odsCode) =>
        new($"rows[{row}].organisationOdsCode", $"Row {row + 1}: no organisation has ODS code {odsCode}.");

    public static AuditEntry Imported(Guid personId, bool created, PersonImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        return new(created ? AuditActions.ImportCreate : AuditActions.ImportUpdate, personId, null, new { import.DisplayName, organisation = import.OrganisationOdsCode });
    }
}
