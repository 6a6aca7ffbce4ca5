// What inviteExpert checks, read inside the write's transaction: the invitee whatever their visibility (the shared
// rules decide, and answer NOT_FOUND alike for the hidden and the absent), whether the two share a current employer,
// the ICS and skills named, open invitations from the same inviter to the same person, and the inviter's last day.
// @param inviterId
// @param inviteeId
// @param icsId
// @param skillIds
// @param today
// @param now
// @param since
MATCH (inviter:Person {id: $inviterId})
OPTIONAL MATCH (invitee:Person {id: $inviteeId})
OPTIONAL MATCH (ics:IntegratedCareSystem {id: $icsId})
RETURN invitee {.*} AS invitee,
       ics.name AS systemName,
       EXISTS {
         MATCH (inviter)-[a:WORKS_AT]->(:Organisation)<-[b:WORKS_AT]-(invitee)
         WHERE (a.until IS NULL OR a.until >= date($today)) AND (b.until IS NULL OR b.until >= date($today))
       } AS shareOrganisation,
       COUNT { MATCH (s:Skill) WHERE s.id IN $skillIds } AS knownSkills,
       COUNT {
         MATCH (inviter)-[:SENT_INVITATION]->(v:Invitation)-[:INVITES]->(invitee)
         WHERE v.status = 'SENT' AND v.respondBy > datetime($now)
       } AS openToSamePerson,
       COUNT { MATCH (inviter)-[:SENT_INVITATION]->(v:Invitation) WHERE v.sentAt > datetime($since) } AS sentInLastDay
