using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQLApi;

namespace IcsExpertiseGraph.Api.Catalog;

public sealed class SkillGraphType : ObjectGraphType<Skill>
{
    public SkillGraphType()
    {
        Name = "Skill";
        Description = "A quality-improvement or systems-thinking skill in the taxonomy.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("key").Description("A stable slug, e.g. statistical-process-control.").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases").Resolve(c => c.Source.Aliases);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<NonNullGraphType<EnumerationGraphType<QualityDomain>>>("domain").Resolve(c => c.Source.Domain);
        Field<SkillGraphType>("broader").ResolveAsync(async c => c.Source.BroaderId is { } id
            ? (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).Find(id)
            : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("narrower").ResolveAsync(async c =>
            (await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(c.CancellationToken)).NarrowerThan(c.Source.Id).ToList());
    }
}
