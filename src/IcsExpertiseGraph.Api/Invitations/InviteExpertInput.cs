using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using static IcsExpertiseGraph.Api.Invitations.InvitationMutations;

namespace IcsExpertiseGraph.Api.Invitations;

/// <summary><c>InviteExpertInput</c> as GraphQL binds it (<c>GetArgument&lt;InviteExpertInput&gt;</c>).</summary>
public sealed record InviteExpertInput(
    string PersonId, string Purpose, string IcsId, IReadOnlyList<string> SkillIds, int HoursRequested, string? Message, DateTimeOffset RespondBy)
{
    /// <summary>The input's limits, checked before anything reaches the store; each failure names its field.</summary>
    public InvitationDraft ToDraft(DateTimeOffset now)
    {
        var personId = GlobalId.Parse(PersonId, "Person", "personId");
        var purpose = InputText.Optional(Purpose, "purpose", PurposeMax) ?? throw new BadUserInputError("purpose", "purpose must not be empty.");
        var icsId = GlobalId.Parse(IcsId, "IntegratedCareSystem", "icsId");
        IReadOnlyList<Guid> skillIds = [.. SkillIds.Select(id => GlobalId.Parse(id, "Skill", "skillIds"))];
        if (skillIds.Count is 0 or > SkillsMax)
        {
            throw new BadUserInputError("skillIds", $"Name 1 to {SkillsMax} skills you want.");
        }

        if (HoursRequested is < 1 or > HoursMax)
        {
            throw new BadUserInputError("hoursRequested", $"hoursRequested must be between 1 and {HoursMax}.");
        }

        if (RespondBy <= now)
        {
            throw new BadUserInputError("respondBy", "respondBy must be in the future.");
        }

        if (RespondBy > now.AddDays(RespondByMaxDays))
        {
            throw new BadUserInputError("respondBy", $"respondBy must be at most {RespondByMaxDays} days ahead.");
        }

        return new InvitationDraft(personId, purpose, icsId, skillIds, HoursRequested, InputText.Optional(Message, "message", MessageMax), RespondBy);
    }
}
