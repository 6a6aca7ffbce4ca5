using GraphQL.Types;
using GraphQL;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Experts;

public sealed class ExpertFilterInputGraphType : InputObjectGraphType
{
    public ExpertFilterInputGraphType()
    {
        Name = "ExpertFilter";
        Description = "Values within one field are alternatives (any of them); different fields must all hold.";
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("skillIds").Description("Holds any of these skills, or a narrower one.");
        Field<EnumerationGraphType<SkillLevel>>("minLevel").Description("At this level or deeper, in the skills or domains asked for.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<QualityDomain>>>>("domains").Description("Holds a skill in any of these domains.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("icsIds").Description("Works, now, for an organisation in any of these ICSs.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("placeIds").Description("Works, now, for an organisation serving any of these places.");
        Field<ListGraphType<NonNullGraphType<EnumerationGraphType<OrganisationType>>>>("organisationTypes").Description("Works, now, for an organisation of any of these types.");
        Field<BooleanGraphType>("availableOnly").Description("Only people whose availability is OPEN or LIMITED.");
        Field<BooleanGraphType>("openToCrossOrganisation").Description("Only people who are (true) or are not (false) open to work for other organisations.");
    }

    internal static ExpertFilter Read(IResolveFieldContext context, Dictionary<string, object?>? input)
    {
        if (input is null)
        {
            return ExpertFilter.None;
        }

        return new ExpertFilter(
            context.IdListArgument(input, "skillIds", "Skill", "filter.skillIds"),
            input.GetValueOrDefault("minLevel") as SkillLevel?,
            Enums<QualityDomain>(input, "domains"),
            context.IdListArgument(input, "icsIds", "IntegratedCareSystem", "filter.icsIds"),
            context.IdListArgument(input, "placeIds", "Place", "filter.placeIds"),
            Enums<OrganisationType>(input, "organisationTypes"),
            input.GetValueOrDefault("availableOnly") as bool? ?? false,
            input.GetValueOrDefault("openToCrossOrganisation") as bool?);
    }

    private static IReadOnlyList<T> Enums<T>(Dictionary<string, object?> input, string key) where T : struct, Enum =>
        input.GetValueOrDefault(key) is IEnumerable<object?> values ? [.. values.OfType<T>()] : [];
}
