// Records an invitation's new state: an answer (with when and what was said), a withdrawal or an expiry.
// @param id
// @param status
// @param respondedAt
// @param responseMessage
MATCH (v:Invitation {id: $id})
SET v.status = $status, v.respondedAt = datetime($respondedAt), v.responseMessage = $responseMessage
