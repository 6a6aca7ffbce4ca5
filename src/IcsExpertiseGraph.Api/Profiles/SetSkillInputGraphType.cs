using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Profiles;

/// <summary>Bound to <see cref="SetSkillInput"/>.</summary>
public sealed class SetSkillInputGraphType : InputObjectGraphType<SetSkillInput>
{
    public SetSkillInputGraphType()
    {
        Name = "SetSkillInput";
        Field<NonNullGraphType<IdGraphType>>("skillId");
        Field<NonNullGraphType<EnumerationGraphType<SkillLevel>>>("level");
        Field<EnumerationGraphType<SkillEvidence>>("evidence").Description("What backs the claim; leave out if self-declared.");
        Field<IntGraphType>("years").Description($"Years of practice, 0 to {ProfileValidation.YearsMax}.");
    }
}
