using IcsExpertiseGraph.Api.Domain;
using static IcsExpertiseGraph.Api.Storage.Neo4j.Neo4jValues;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>The production store's a whole network written in one transaction (the seed verb), replacing an existing one only when asked.</summary>
public sealed partial class Neo4jExpertiseStore
{
    /// <summary>Rows per UNWIND request: within the 1k–10k band where Neo4j imports fastest without large transaction state per request.</summary>
    internal const int ImportBatch = 5_000;

    /// <summary>
    /// Writes a whole network in UNWIND batches inside ONE explicit transaction, so a failed import changes nothing (as
    /// in the embedded store). The constraints exist first (migration runs at start and in the seed verb), so every
    /// MATCH by id is an index lookup. A large network needs transaction memory to match: see the compose file's heap.
    /// </summary>
    public Task ImportAsync(NetworkSnapshot network, bool replaceExisting, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        SnapshotReferences.Check(network);
        return WriteAsync(async write =>
        {
            if (replaceExisting)
            {
                await write.RunAsync("delete-network");
            }
            else if ((await write.FirstAsync("count-network"))!.Value.Long("total") > 0)
            {
                throw new InvalidOperationException(ErrorTexts.StoreHoldsNetwork);
            }

            var import = new BatchWriter(write, progress, cancellationToken);
            await import.RowsAsync("integrated care systems", "import-network-systems", network.IntegratedCareSystems, i => new()
            {
                ["id"] = Id(i.Id), ["odsCode"] = i.OdsCode, ["name"] = i.Name, ["nhsRegion"] = i.NhsRegion, ["validFrom"] = Date(i.ValidFrom), ["validTo"] = Date(i.ValidTo),
            });
            await import.RowsAsync("ICS successors", "import-network-successors", [.. network.IntegratedCareSystems.Where(i => i.SuccessorId is not null)],
                i => new() { ["id"] = Id(i.Id), ["successorId"] = Id(i.SuccessorId) });
            await import.RowsAsync("places", "import-network-places", network.Places,
                p => new() { ["id"] = Id(p.Id), ["name"] = p.Name, ["icsId"] = Id(p.IntegratedCareSystemId) });
            await import.RowsAsync("organisations", "import-network-organisations", network.Organisations, o => new()
            {
                ["id"] = Id(o.Id), ["odsCode"] = o.OdsCode, ["name"] = o.Name, ["type"] = EnumText.Name(o.Type), ["icsId"] = Id(o.IntegratedCareSystemId),
            });
            await import.RowsAsync("places served", "import-network-places-served", network.OrganisationPlaces,
                s => new() { ["organisationId"] = Id(s.OrganisationId), ["placeId"] = Id(s.PlaceId) });
            await import.RowsAsync("skills", "import-network-skills", network.Skills, s => new()
            {
                ["id"] = Id(s.Id), ["key"] = s.Key, ["name"] = s.Name, ["description"] = s.Description, ["domain"] = EnumText.Name(s.Domain), ["aliases"] = s.Aliases,
            });
            await import.RowsAsync("skill taxonomy", "import-network-broader-skills", [.. network.Skills.Where(s => s.BroaderId is not null)],
                s => new() { ["id"] = Id(s.Id), ["broaderId"] = Id(s.BroaderId) });

            var skillText = SkillText.ByPerson(network);
            await import.RowsAsync("people", "import-network-people", network.People, p => new()
            {
                ["id"] = Id(p.Id), ["displayName"] = p.DisplayName, ["headline"] = p.Headline, ["bio"] = p.Bio, ["email"] = p.Email, ["orcid"] = p.Orcid,
                ["visibility"] = EnumText.Name(p.Visibility), ["availabilityStatus"] = EnumText.Name(p.Availability.Status),
                ["hoursPerMonth"] = p.Availability.HoursPerMonth, ["openToCrossOrganisation"] = p.Availability.OpenToCrossOrganisation,
                ["availabilityTerms"] = p.Availability.Terms, ["lastConfirmedAt"] = Timestamp(p.LastConfirmedAt), ["externalId"] = p.ExternalId,
                ["version"] = p.Version, ["createdAt"] = Timestamp(p.CreatedAt), ["updatedAt"] = Timestamp(p.UpdatedAt), ["skillText"] = skillText.GetValueOrDefault(p.Id, ""),
            });
            await import.RowsAsync("employments", "import-network-employments", network.Employments, e => new()
            {
                ["personId"] = Id(e.PersonId), ["organisationId"] = Id(e.OrganisationId), ["role"] = e.Role, ["since"] = Date(e.Since), ["until"] = Date(e.Until), ["primary"] = e.Primary,
            });
            await import.RowsAsync("person skills", "import-network-holdings", network.PersonSkills, s => new()
            {
                ["personId"] = Id(s.PersonId), ["skillId"] = Id(s.SkillId), ["level"] = (int)s.Level, ["evidence"] = Name(s.Evidence), ["years"] = s.Years,
                ["verified"] = s.Verified, ["since"] = Date(s.Since),
            });
            await import.RowsAsync("projects", "import-network-projects", network.Projects, p => new()
            {
                ["id"] = Id(p.Id), ["title"] = p.Title, ["aim"] = p.Aim, ["status"] = EnumText.Name(p.Status), ["startDate"] = Date(p.StartDate),
                ["endDate"] = Date(p.EndDate), ["outcomeSummary"] = p.OutcomeSummary, ["hostId"] = Id(p.HostOrganisationId),
            });
            await import.RowsAsync("project methods", "import-network-methods", network.ProjectMethods,
                m => new() { ["projectId"] = Id(m.ProjectId), ["skillId"] = Id(m.SkillId) });
            await import.RowsAsync("contributions", "import-network-contributions", network.Contributions, c => new()
            {
                ["personId"] = Id(c.PersonId), ["projectId"] = Id(c.ProjectId), ["role"] = EnumText.Name(c.Role), ["from"] = Date(c.From), ["to"] = Date(c.To),
            });
            await import.RowsAsync("endorsements", "import-network-endorsements", network.Endorsements, e => new()
            {
                ["endorserId"] = Id(e.EndorserId), ["endorseeId"] = Id(e.EndorseeId), ["skillId"] = Id(e.SkillId), ["at"] = Timestamp(e.At),
            });
            await import.RowsAsync("invitations", "import-network-invitations", network.InvitationHistory, v => new()
            {
                ["id"] = Id(v.Id), ["inviterId"] = Id(v.InviterId), ["inviteeId"] = Id(v.InviteeId), ["icsId"] = Id(v.IntegratedCareSystemId),
                ["purpose"] = v.Purpose, ["skillIds"] = Ids(v.SkillIds), ["hoursRequested"] = v.HoursRequested, ["message"] = v.Message,
                ["respondBy"] = Timestamp(v.RespondBy), ["status"] = EnumText.Name(v.Status), ["sentAt"] = Timestamp(v.SentAt),
                ["respondedAt"] = Timestamp(v.RespondedAt), ["responseMessage"] = v.ResponseMessage, ["projectId"] = Id(v.ProjectId),
            });
            // Every read model rebuilds for a new network; the feed before it describes a network that is gone.
            write.Changed(ChangeKind.Network, Guid.Empty);
            return 0;
        }, cancellationToken, options.LongRequestTimeout);
    }

    /// <summary>Sends a list as UNWIND batches of <see cref="ImportBatch"/> rows, reporting progress after each.</summary>
    private sealed class BatchWriter(Neo4jWork write, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        public async Task RowsAsync<T>(string stage, string statement, IReadOnlyList<T> items, Func<T, Dictionary<string, object?>> row)
        {
            for (var start = 0; start < items.Count; start += ImportBatch)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = items.Skip(start).Take(ImportBatch).Select(row).ToList();
                await write.RunAsync(statement, ("rows", batch));
                progress?.Report(new ImportProgress(stage, start + batch.Count, items.Count));
            }

            progress?.Report(new ImportProgress(stage, items.Count, items.Count));
        }
    }
}
