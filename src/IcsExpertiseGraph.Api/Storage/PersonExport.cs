using System.Text.Json;
using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage;

/// <summary>
/// The right of access: everything held about a person as one JSON document, the same from either store. Read through
/// the store port itself, so the only thing an adapter supplies is what the port does not otherwise read (endorsements
/// in both directions).
/// </summary>
internal static class PersonExport
{
    // One key style throughout the document (the anonymous types below mix names the C# way).
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static async Task<string> WriteAsync(IExpertiseStore store, Guid personId, IReadOnlyList<ExportedEndorsement> endorsements, CancellationToken cancellationToken)
    {
        var admin = new Viewer(null, true, true);
        var person = (await store.GetPeopleAsync([personId], admin, cancellationToken)).GetValueOrDefault(personId)
            ?? throw new NotFoundException("id", ErrorTexts.NoSuchPerson);
        var skills = (await store.GetSkillsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var employments = (await store.GetEmploymentsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var contributions = (await store.GetContributionsOfPeopleAsync([personId], cancellationToken)).GetValueOrDefault(personId) ?? [];
        var organisations = await store.GetOrganisationsAsync([.. employments.Select(e => e.OrganisationId)], cancellationToken);
        var joinRequests = await store.GetJoinRequestsOfPersonAsync(personId, cancellationToken);
        var projects = await store.GetProjectsAsync([.. contributions.Select(c => c.ProjectId).Concat(joinRequests.Select(r => r.ProjectId)).Distinct()], cancellationToken);
        var skillNames = (await store.GetAllSkillsAsync(cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var trail = await store.GetAuditTrailAsync(personId, int.MaxValue, cancellationToken);
        var invitations = Invitations.InvitationExport.Of(
            await store.GetInvitationsOfPersonAsync(personId, InvitationSide.Received, int.MaxValue, cancellationToken),
            await store.GetInvitationsOfPersonAsync(personId, InvitationSide.Sent, int.MaxValue, cancellationToken),
            await store.GetNotificationsAsync(personId, int.MaxValue, cancellationToken));
        return JsonSerializer.Serialize(new
        {
            exportedAt = DateTimeOffset.UtcNow,
            person = new
            {
                id = person.Id, person.DisplayName, person.Headline, person.Bio, person.Email, person.Orcid, visibility = EnumText.Name(person.Visibility),
                availability = new { status = EnumText.Name(person.Availability.Status), person.Availability.HoursPerMonth, person.Availability.OpenToCrossOrganisation, person.Availability.Terms },
                person.LastConfirmedAt, signInLinked = person.ExternalId is not null, person.Version, person.CreatedAt, person.UpdatedAt,
            },
            skills = skills.Select(s => new { skill = skillNames.GetValueOrDefault(s.SkillId), level = EnumText.Name(s.Level), evidence = s.Evidence is { } e ? EnumText.Name(e) : null, s.Years, s.Verified, s.Since }),
            employments = employments.Select(e => new { organisation = organisations.GetValueOrDefault(e.OrganisationId)?.Name, e.Role, e.Since, e.Until, e.Primary }),
            contributions = contributions.Select(c => new { project = projects.GetValueOrDefault(c.ProjectId)?.Title, role = EnumText.Name(c.Role), c.From, c.To }),
            // Pending ones too: asked for, or a lead's addition waiting for an answer.
            joinRequests = joinRequests.Select(r => new
            {
                project = projects.GetValueOrDefault(r.ProjectId)?.Title, kind = EnumText.Name(r.Kind), role = EnumText.Name(r.Role), r.From, r.To, r.RequestedAt,
            }),
            endorsements = endorsements.Select(e => new
            {
                direction = e.Direction, otherPerson = e.OtherPerson ?? "a member whose profile is private", skill = skillNames.GetValueOrDefault(e.SkillId), at = e.At,
            }),
            invitations,
            auditTrail = trail.Select(a => new { a.At, a.Action, a.Before, a.After }),
        }, Json);
    }
}
