namespace IcsExpertiseGraph.Api.Domain;

/// <summary>An organisation to create or update (<c>upsertOrganisation</c>): matched by id, else by ODS code.</summary>
public sealed record OrganisationDraft(Guid? Id, string? OdsCode, string Name, OrganisationType Type, Guid? IntegratedCareSystemId);
