using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>What a profile update's audit event records, the same in both stores: the fields whose values changed, before and after, by their API names.</summary>
internal static class ProfileAudit
{
    public static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Changed(Person before, Person after)
    {
        var (was, becomes) = (Fields(before), Fields(after));
        var changed = was.Keys.Where(k => !Equals(was[k], becomes[k])).ToList();
        return (changed.ToDictionary(k => k, k => was[k]), changed.ToDictionary(k => k, k => becomes[k]));
    }

    private static Dictionary<string, object?> Fields(Person p) => new()
    {
        ["displayName"] = p.DisplayName, ["headline"] = p.Headline, ["bio"] = p.Bio, ["orcid"] = p.Orcid, ["email"] = p.Email,
        ["visibility"] = EnumText.Name(p.Visibility), ["availability"] = EnumText.Name(p.Availability.Status),
        ["hoursPerMonth"] = p.Availability.HoursPerMonth, ["openToCrossOrganisation"] = p.Availability.OpenToCrossOrganisation, ["terms"] = p.Availability.Terms,
    };
}
