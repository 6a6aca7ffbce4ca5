using IcsExpertiseGraph.Api.Domain;
using IcsExpertiseGraph.Api.Storage;
using static IcsExpertiseGraph.Tests.Contract.ContractNetwork;

namespace IcsExpertiseGraph.Tests.Contract;

public abstract partial class StoreContract
{
    /// <summary>A valid network made invalid at the very end: the last endorsement comes from nobody in the network.</summary>
    private static NetworkSnapshot Broken(NetworkSnapshot network)
    {
        var bad = new Endorsement(Guid.NewGuid(), network.People[0].Id, network.Skills[0].Id, new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero));
        return network with { Endorsements = [.. network.Endorsements, bad] };
    }

    [StoreFact]
    public async Task ImportingIntoAStoreThatHoldsANetworkWithoutReplaceIsRefusedAndChangesNothing()
    {
        var before = await FingerprintAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ImportAsync(Generate(seed: 18, people: 40), replaceExisting: false, progress: null, Ct));

        Assert.Equal(before, await FingerprintAsync());
    }

    [StoreFact]
    public async Task AnImportedNetworkBringsItsInvitationHistoryWithOutcomesAndTheProjectsTheyLedTo()
    {
        var history = Network.InvitationHistory;
        Assert.Contains(history, i => i.ProjectId is not null);
        Assert.Contains(history, i => i.Status == InvitationStatus.Declined && i.RespondedAt is not null);

        foreach (var system in history.GroupBy(i => i.IntegratedCareSystemId))
        {
            var stored = await Store.GetInvitationsForSystemAsync(system.Key, Ct);
            Assert.Equal(system.OrderBy(i => i.Id).Select(Comparable), stored.OrderBy(i => i.Id).Select(Comparable));
        }

        var invitee = history[0].InviteeId;
        Assert.Equal(history.Where(i => i.InviteeId == invitee).Select(i => i.Id).Order(),
            (await Store.GetInvitationsOfPersonAsync(invitee, InvitationSide.Received, 100, Ct)).Select(i => i.Id).Order());
    }

    private static string Comparable(Invitation i) =>
        $"{i.Id} {i.InviterId} {i.InviteeId} {i.Purpose} {string.Join(',', i.SkillIds)} {i.HoursRequested} {i.Message} {i.RespondBy:O} {i.Status} {i.SentAt:O} {i.RespondedAt:O} {i.ResponseMessage} {i.ProjectId}";

    [StoreFact]
    public async Task AReplacingImportSwapsTheWholeNetwork()
    {
        var replacement = Generate(seed: 18, people: 60);
        var sequence = await Store.GetChangeSequenceAsync(Ct);

        await ReplaceNetworkAsync(replacement);

        var people = await Store.ListPeopleAsync(Admin, Everything, Ct);
        Assert.Equal(replacement.People.Select(p => p.Id).Order(), people.Items.Select(p => p.Id).Order());
        Assert.Empty(await Store.GetPeopleAsync([.. Network.People.Select(p => p.Id)], Admin, Ct));
        Assert.Empty(await Store.GetProjectsAsync([.. Network.Projects.Select(p => p.Id)], Ct));
        // Boards keep their stable ids from the reference data in every network; every other organisation was replaced.
        Assert.Empty(await Store.GetOrganisationsAsync([.. Network.Organisations.Select(o => o.Id).Except(replacement.Organisations.Select(o => o.Id))], Ct));
        Assert.Equal(replacement.Organisations.Count, (await Store.ListOrganisationsAsync(OrganisationFilter.None, Everything, Ct)).TotalCount);
        Assert.Equal(replacement.Projects.Select(p => p.Id).Order(), (await Store.ListProjectsAsync(ProjectFilter.None, Everything, Ct)).Items.Select(p => p.Id).Order());
        Assert.Equal(replacement.PersonSkills.Count, (await Store.LoadSearchSourceAsync(Ct)).Holdings.Count);
        Assert.Equal(replacement.TextMatches("spc").Order(), (await Store.FindExpertCandidatesAsync(Text("spc"), Admin, Ct)).Select(c => c.PersonId).Order());
        Assert.True(await Store.GetChangeSequenceAsync(Ct) > sequence);
    }

    [StoreFact]
    public async Task AReplacingImportThatBringsBackTheSameIdsDoesNotBringBackTheirOldAuditTrail()
    {
        var person = Someone();
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        Assert.NotEmpty(await Store.GetAuditTrailAsync(person.Id, 10, Ct));

        await ReplaceNetworkAsync(Network);

        Assert.Empty(await Store.GetAuditTrailAsync(person.Id, 10, Ct));
        await Store.ConfirmProfileAsync(person.Id, person.Id, Now, Ct);
        Assert.Equal("CONFIRM_PROFILE", Assert.Single(await Store.GetAuditTrailAsync(person.Id, 10, Ct)).Action);
    }

    [StoreFact]
    public async Task AFailedImportLeavesTheStoreAsItWasEmptyOrNot()
    {
        var before = await FingerprintAsync();

        await Assert.ThrowsAnyAsync<Exception>(() => Store.ImportAsync(Broken(Generate(seed: 19, people: 50)), replaceExisting: true, progress: null, Ct));

        Assert.Equal(before, await FingerprintAsync());
        Assert.Equal(Network.TextMatches("spc").Order(), (await Store.FindExpertCandidatesAsync(Text("spc"), Admin, Ct)).Select(c => c.PersonId).Order());

        await ReplaceNetworkAsync(EmptyNetwork);
        var sequence = await Store.GetChangeSequenceAsync(Ct);
        await Assert.ThrowsAnyAsync<Exception>(() => Store.ImportAsync(Broken(Network), replaceExisting: false, progress: null, Ct));

        Assert.True(await Store.IsEmptyAsync(Ct));
        Assert.Equal(sequence, await Store.GetChangeSequenceAsync(Ct));
        Assert.Empty(await Store.GetAllSkillsAsync(Ct));
        // Nothing half-written blocks the next attempt.
        await Store.ImportAsync(Network, replaceExisting: false, progress: null, Ct);
        Assert.Equal(Network.People.Count, (await Store.ListPeopleAsync(Admin, Everything, Ct)).TotalCount);
    }

    [StoreFact]
    public async Task TheSearchSourceHoldsEveryPersonHoldingCurrentPostOrganisationAndPlaceServed()
    {
        var source = await Store.LoadSearchSourceAsync(Ct);

        Assert.Equal(await Store.GetChangeSequenceAsync(Ct), source.Sequence);
        Assert.Equal(
            Network.People.Select(p => new SearchSource.PersonRow(p.Id, p.DisplayName, p.Headline, p.Bio, p.Visibility, p.Availability.Status, p.Availability.OpenToCrossOrganisation, p.LastConfirmedAt)).OrderBy(r => r.Id),
            source.People.OrderBy(r => r.Id));
        Assert.Equal(
            Network.PersonSkills.Select(s => new SearchSource.HoldingRow(s.PersonId, new CandidateSkill(s.SkillId, s.Level, s.Evidence, s.Verified,
                Network.Backing(s.PersonId, s.SkillId).Endorsements, Network.Backing(s.PersonId, s.SkillId).ProjectEvidence))).OrderBy(h => (h.PersonId, h.Skill.SkillId)),
            source.Holdings.OrderBy(h => (h.PersonId, h.Skill.SkillId)));
        var current = Network.Employments.Where(IsCurrent).ToList();
        Assert.Equal(current.Select(e => (e.PersonId, e.OrganisationId)).Order(), source.CurrentEmployments.Order());
        Assert.All(current.Where(e => e.Primary), e => Assert.Equal(e.OrganisationId, source.CurrentEmployments.First(c => c.PersonId == e.PersonId).OrganisationId));
        Assert.Equal(Network.Organisations.OrderBy(o => o.Id), source.Organisations.OrderBy(o => o.Id));
        Assert.Equal(Network.OrganisationPlaces.Order(), source.OrganisationPlaces.Order());
        Assert.Contains(source.Holdings, h => h.Skill.Endorsements > 0 && h.Skill.ProjectEvidence > 0);
    }

    [StoreFact]
    public async Task TheCollaborationSourceHoldsPeopleOrganisationsPrimaryPostsProjectsAndContributions()
    {
        var source = await Store.LoadCollaborationSourceAsync(Ct);

        Assert.Equal(await Store.GetChangeSequenceAsync(Ct), source.Sequence);
        Assert.Equal(Network.People.Select(p => (p.Id, p.Visibility)).Order(), source.People.Order());
        Assert.Equal(Network.Organisations.Select(o => (o.Id, o.IntegratedCareSystemId)).Order(), source.Organisations.Order());
        // One organisation per person: the primary current post, else the most recently started, then by organisation id.
        var primaryPosts = Network.Employments.Where(IsCurrent).GroupBy(e => e.PersonId)
            .Select(g => (g.Key, g.OrderByDescending(e => e.Primary).ThenBy(e => e.Since is null).ThenByDescending(e => e.Since)
                .ThenBy(e => e.OrganisationId.ToString("D"), StringComparer.Ordinal).First().OrganisationId));
        Assert.Equal(primaryPosts.Order(), source.PrimaryEmployments.Order());
        // A project was last active when it ended, or else when it started.
        Assert.Equal(Network.Projects.Select(p => (p.Id, p.EndDate ?? p.StartDate)).Order(), source.Projects.Order());
        Assert.Equal(Network.Contributions.Select(c => (c.PersonId, c.ProjectId)).Order(), source.Contributions.Order());
        Assert.Contains(Network.Projects, p => p.EndDate is null);
    }
}
