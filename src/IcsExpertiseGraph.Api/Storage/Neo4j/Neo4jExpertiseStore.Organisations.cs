using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Catalog;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's organisation writes (network managers): create, or update by id or ODS code.</summary>
public sealed partial class Neo4jExpertiseStore
{
    public Task<Organisation> UpsertOrganisationAsync(OrganisationDraft draft, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(async write =>
        {
            var facts = new OrganisationFacts(
                IdKnown: draft.Id is { } id && await write.FirstAsync("get-organisations", ("ids", new[] { Id(id) })) is not null,
                OdsCodeHolder: draft.OdsCode is { } code ? (await write.FirstAsync("find-organisation-by-ods-code", ("odsCode", code)))?.Id("id") : null,
                SystemKnown: draft.IntegratedCareSystemId is { } system && await write.FirstAsync("get-integrated-care-systems", ("ids", new[] { Id(system) })) is not null);
            var existing = OrganisationRules.Target(draft, facts);
            var organisationId = existing ?? Guid.CreateVersion7(now);
            // Fields left out of the request stay as they are (the update statement keeps an absent ODS code and ICS).
            await write.RunAsync(existing is null ? "create-organisation" : "update-organisation", ("id", Id(organisationId)), ("odsCode", draft.OdsCode),
                ("name", draft.Name), ("type", EnumText.Name(draft.Type)), ("icsId", Id(draft.IntegratedCareSystemId)));
            write.Changed(ChangeKind.Organisation, organisationId);
            await write.AuditAsync(now, actorId, OrganisationRules.Upserted(organisationId, created: existing is null, draft));
            return Neo4jMapping.Organisation((await write.FirstAsync("get-organisations", ("ids", new[] { Id(organisationId) })))!.Value);
        }, cancellationToken);
}
