// Of the given people, those who accepted an invitation from the inviter: their consent shows the inviter their email.
// @param inviterId
// @param ids
MATCH (:Person {id: $inviterId})-[:SENT_INVITATION]->(v:Invitation)-[:INVITES]->(p:Person)
WHERE v.status = 'ACCEPTED' AND p.id IN $ids
RETURN DISTINCT p.id AS id
