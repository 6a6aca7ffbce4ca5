using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;

namespace IcsExpertiseGraph.Api.Catalog;

/// <summary>What a store reads, inside the write's transaction, to decide an <c>upsertOrganisation</c>.</summary>
/// <param name="IdKnown">Whether the draft's id names an organisation (false when the draft has none).</param>
/// <param name="OdsCodeHolder">The organisation that holds the draft's ODS code, if any.</param>
/// <param name="SystemKnown">Whether the draft's ICS exists (false when the draft names none).</param>
public sealed record OrganisationFacts(bool IdKnown, Guid? OdsCodeHolder, bool SystemKnown);

/// <summary>The rules of creating and updating organisations (network managers), in one place for both stores.</summary>
public static class OrganisationRules
{
    /// <summary>
    /// Which organisation the draft updates: the one its id names, else the one holding its ODS code; null creates one.
    /// An ODS code belongs to one organisation, and an id or ICS that names nothing is not found.
    /// </summary>
    public static Guid? Target(OrganisationDraft draft, OrganisationFacts facts)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(facts);
        if (draft.Id is not null && !facts.IdKnown)
        {
            throw new NotFoundException("id", ErrorTexts.NoOrganisationWithId);
        }

        var existing = draft.Id ?? facts.OdsCodeHolder;
        if (facts.OdsCodeHolder is { } holder && holder != existing)
        {
            throw new DuplicateException("odsCode", "Another organisation already has that ODS code.");
        }

        if (draft.IntegratedCareSystemId is not null && !facts.SystemKnown)
        {
            throw new NotFoundException("integratedCareSystemId", ErrorTexts.NoIntegratedCareSystemWithId);
        }

        return existing;
    }

    public static AuditEntry Upserted(Guid organisationId, bool created, OrganisationDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new(created ? AuditActions.CreateOrganisation : AuditActions.UpdateOrganisation, organisationId, null,
            new { draft.OdsCode, draft.Name, Type = EnumText.Name(draft.Type) }, AuditSubjects.Organisation);
    }
}
