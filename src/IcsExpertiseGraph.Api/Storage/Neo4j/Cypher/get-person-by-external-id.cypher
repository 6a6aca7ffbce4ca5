// The person linked to an identity provider's object id.
// @param externalId
MATCH (p:Person {externalId: $externalId})
RETURN p {.*} AS person
