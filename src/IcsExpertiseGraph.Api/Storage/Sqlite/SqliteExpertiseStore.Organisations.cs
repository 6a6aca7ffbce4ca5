using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Catalog;
using static IcsExpertiseGraph.Api.Storage.Sqlite.SqliteValues;

namespace IcsExpertiseGraph.Api.Storage.Sqlite;

/// <summary>The embedded store's organisation writes (network managers): create, or update by id or ODS code.</summary>
public sealed partial class SqliteExpertiseStore
{
    public Task<Organisation> UpsertOrganisationAsync(OrganisationDraft draft, Guid? actorId, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(write =>
        {
            var system = draft.IntegratedCareSystemId is { } ics ? write.SingleValue("SELECT pk FROM integrated_care_system WHERE id = $id", r => r.GetInt64(0), ("$id", Id(ics))) : null;
            var facts = new OrganisationFacts(
                IdKnown: draft.Id is { } id && write.SingleValue("SELECT 1 FROM organisation WHERE id = $id", r => r.GetInt64(0), ("$id", Id(id))) is not null,
                OdsCodeHolder: draft.OdsCode is { } code ? write.SingleValue("SELECT id FROM organisation WHERE ods_code = $code COLLATE NOCASE", r => r.GetId(0), ("$code", code)) : null,
                SystemKnown: system is not null);
            var existing = OrganisationRules.Target(draft, facts);
            var organisationId = existing ?? Guid.CreateVersion7(now);
            if (existing is null)
            {
                write.Execute("INSERT INTO organisation (id, ods_code, name, type, ics_pk) VALUES ($id, $code, $name, $type, $ics)",
                    ("$id", Id(organisationId)), ("$code", Text(draft.OdsCode)), ("$name", draft.Name), ("$type", EnumText.Name(draft.Type)), ("$ics", system));
            }
            else
            {
                // Fields left out of the request stay as they are.
                write.Execute("UPDATE organisation SET ods_code = coalesce($code, ods_code), name = $name, type = $type, ics_pk = coalesce($ics, ics_pk) WHERE id = $id",
                    ("$code", Text(draft.OdsCode)), ("$name", draft.Name), ("$type", EnumText.Name(draft.Type)), ("$ics", system), ("$id", Id(organisationId)));
            }

            write.Changed(ChangeKind.Organisation, organisationId);
            write.Audit(now, actorId, OrganisationRules.Upserted(organisationId, created: existing is null, draft));
            return write.Single($"SELECT {OrganisationColumns} FROM organisation o WHERE o.id = $id", ReadOrganisation, ("$id", Id(organisationId)))!;
        }, cancellationToken);
}
