using GraphQL;
using GraphQL.Types;
using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.GraphQL;

namespace IcsExpertiseGraph.Api.Directory;

public sealed class IntegratedCareSystemGraphType : ObjectGraphType<IntegratedCareSystem>
{
    public IntegratedCareSystemGraphType()
    {
        Name = "IntegratedCareSystem";
        Description = "An Integrated Care System, identified by the ODS code of its Integrated Care Board.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("odsCode").Resolve(c => c.Source.OdsCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("nhsRegion").Resolve(c => c.Source.NhsRegion);
        Field<DateScalar>("validFrom").Description("When this ICS came into being.").Resolve(c => c.Source.ValidFrom);
        Field<DateScalar>("validTo").Description("When it closed or merged; null while current.").Resolve(c => c.Source.ValidTo);
        Field<IntegratedCareSystemGraphType>("successor").Description("The ICS it merged into, if any.")
            .Resolve(c => c.Source.SuccessorId is { } id ? c.Request().IntegratedCareSystems.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places")
            .Resolve(c => c.Request().PlacesOfSystems.Load(c.Source.Id).Then(p => p ?? []));
    }
}

public sealed class PlaceGraphType : ObjectGraphType<Place>
{
    public PlaceGraphType()
    {
        Name = "Place";
        Description = "A place-based partnership inside an ICS.";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<IntegratedCareSystemGraphType>>("integratedCareSystem")
            .Resolve(c => c.Request().IntegratedCareSystems.Load(c.Source.IntegratedCareSystemId));
    }
}

public sealed class OrganisationGraphType : ObjectGraphType<Organisation>
{
    public OrganisationGraphType()
    {
        Name = "Organisation";
        this.AsNode(x => x.Id);
        Field<StringGraphType>("odsCode").Description("NHS Organisation Data Service code, where it has one.").Resolve(c => c.Source.OdsCode);
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<EnumerationGraphType<OrganisationType>>>("type").Resolve(c => c.Source.Type);
        Field<IntegratedCareSystemGraphType>("integratedCareSystem")
            .Resolve(c => c.Source.IntegratedCareSystemId is { } id ? c.Request().IntegratedCareSystems.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Experts.PersonGraphType>>>>("people")
            .Description("People working here now whom you may see, by name.")
            .Argument<IntGraphType>("first", $"How many, 1..{Connections.MaxPageSize}.", a => a.DefaultValue = 50)
            .Resolve(c =>
            {
                var first = c.First(50);

                return c.Request().StaffOfOrganisations.Load(c.Source.Id).Then(staff => (staff ?? []).Take(first).ToList());
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceGraphType>>>>("places").Description("The places it serves.")
            .Resolve(c => c.Request().PlacesServed.Load(c.Source.Id).Then(ids => c.Request().Places.LoadMany(ids ?? [])));
    }
}

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

public sealed class ProjectGraphType : ObjectGraphType<Project>
{
    public ProjectGraphType()
    {
        Name = "Project";
        this.AsNode(x => x.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<StringGraphType>("aim").Resolve(c => c.Source.Aim);
        Field<NonNullGraphType<EnumerationGraphType<ProjectStatus>>>("status").Resolve(c => c.Source.Status);
        Field<DateScalar>("startDate").Resolve(c => c.Source.StartDate);
        Field<DateScalar>("endDate").Resolve(c => c.Source.EndDate);
        Field<StringGraphType>("outcomeSummary").Resolve(c => c.Source.OutcomeSummary);
        Field<OrganisationGraphType>("hostOrganisation")
            .Resolve(c => c.Source.HostOrganisationId is { } id ? c.Request().Organisations.Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SkillGraphType>>>>("methods").Description("The skills the project used.")
            .Resolve(c => c.Request().MethodsOfProjects.Load(c.Source.Id).Then(async (ids, ct) =>
            {
                var catalog = await c.RequestServices!.GetRequiredService<SkillCatalog>().GetAsync(ct);
                return (ids ?? []).Select(catalog.Find).OfType<Skill>().ToList();
            }));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ContributionGraphType>>>>("contributors")
            .Description("Who contributed, leads first; people you may not see are left out.")
            .Resolve(c => c.Request().ContributionsToProjects.Load(c.Source.Id).Then(list => list ?? []));
    }
}

/// <summary>(Person)-[:CONTRIBUTED_TO]->(Project), seen from either end.</summary>
public sealed class ContributionGraphType : ObjectGraphType<Contribution>
{
    public ContributionGraphType()
    {
        Name = "Contribution";
        Field<NonNullGraphType<Experts.PersonGraphType>>("person").Resolve(c => c.Request().People.Load(c.Source.PersonId));
        Field<NonNullGraphType<ProjectGraphType>>("project").Resolve(c => c.Request().Projects.Load(c.Source.ProjectId));
        Field<NonNullGraphType<EnumerationGraphType<ContributionRole>>>("role").Resolve(c => c.Source.Role);
        Field<DateScalar>("from").Resolve(c => c.Source.From);
        Field<DateScalar>("to").Resolve(c => c.Source.To);
    }
}
