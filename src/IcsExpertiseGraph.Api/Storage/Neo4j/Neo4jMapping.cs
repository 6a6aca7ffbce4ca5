using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Storage.Neo4j;

/// <summary>Domain records from the names the .cypher statements return (node properties keep the API's names).</summary>
internal static class Neo4jMapping
{
    public static Person Person(Neo4jRecord p) => new(
        p.Id("id"), p.Text("displayName"), p.TextOrNull("headline"), p.TextOrNull("bio"), p.TextOrNull("email"), p.TextOrNull("orcid"),
        p.Enum<Visibility>("visibility"),
        new Availability(p.Enum<AvailabilityStatus>("availabilityStatus"), p.IntOrNull("hoursPerMonth"), p.Bool("openToCrossOrganisation"), p.TextOrNull("availabilityTerms")),
        p.TimestampOrNull("lastConfirmedAt"), p.TextOrNull("externalId"), p.Long("version"), p.Timestamp("createdAt"), p.Timestamp("updatedAt"));

    public static Organisation Organisation(Neo4jRecord o) =>
        new(o.Id("id"), o.TextOrNull("odsCode"), o.Text("name"), o.Enum<OrganisationType>("type"), o.IdOrNull("integratedCareSystemId"));

    public static IntegratedCareSystem IntegratedCareSystem(Neo4jRecord i) =>
        new(i.Id("id"), i.Text("odsCode"), i.Text("name"), i.Text("nhsRegion"), i.DateOrNull("validFrom"), i.DateOrNull("validTo"), i.IdOrNull("successorId"));

    public static Place Place(Neo4jRecord p) => new(p.Id("id"), p.Text("name"), p.Id("integratedCareSystemId"));

    public static Project Project(Neo4jRecord j) =>
        new(j.Id("id"), j.Text("title"), j.TextOrNull("aim"), j.Enum<ProjectStatus>("status"), j.DateOrNull("startDate"), j.DateOrNull("endDate"),
            j.TextOrNull("outcomeSummary"), j.IdOrNull("hostOrganisationId"));

    public static Contribution Contribution(Neo4jRecord c) =>
        new(c.Id("personId"), c.Id("projectId"), c.Enum<ContributionRole>("role"), c.DateOrNull("from"), c.DateOrNull("to"));

    public static Skill Skill(Neo4jRecord s) =>
        new(s.Id("id"), s.Text("key"), s.Text("name"), [.. s.List("aliases").Select(a => a.GetString()!)], s.TextOrNull("description"),
            s.Enum<QualityDomain>("domain"), s.IdOrNull("broaderId"));

    public static CandidateSkill Holding(Neo4jRecord h) =>
        new(h.Id("skillId"), (SkillLevel)h.Int("level"), h.EnumOrNull<SkillEvidence>("evidence"), h.Bool("verified"), h.Int("endorsements"), h.Int("projectEvidence"));

    public static AuditEvent AuditEvent(Neo4jRecord a) =>
        new(a.Long("id"), a.Timestamp("at"), a.IdOrNull("actorId"), a.Text("action"), a.Text("subjectType"), a.Id("subjectId"), a.TextOrNull("before"), a.TextOrNull("after"));

    public static Invitation Invitation(Neo4jRecord v) =>
        new(v.Id("id"), v.Id("inviterId"), v.Id("inviteeId"), v.Id("icsId"), v.Text("purpose"), [.. v.List("skillIds").Select(s => Guid.Parse(s.GetString()!))],
            v.Int("hoursRequested"), v.TextOrNull("message"), v.Timestamp("respondBy"), v.Enum<InvitationStatus>("status"), v.Timestamp("sentAt"),
            v.TimestampOrNull("respondedAt"), v.TextOrNull("responseMessage"), v.IdOrNull("projectId"));

    public static OutboxMessage OutboxMessage(Neo4jRecord m) =>
        new(m.Id("id"), m.Enum<NotificationKind>("kind"), m.IdOrNull("invitationId"), m.Id("recipientId"), m.TextOrNull("recipientEmail"), m.Text("subject"), m.Text("body"),
            m.Timestamp("createdAt"), m.Int("attempts"), m.TimestampOrNull("sentAt"), m.TextOrNull("lastError"), m.Bool("gaveUp")) { ProjectId = m.IdOrNull("projectId") };
}
