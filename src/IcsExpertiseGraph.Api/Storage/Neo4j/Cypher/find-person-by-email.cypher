// The person holding an email address (compared case-insensitively through emailKey), and whether a sign-in is linked.
// @param email
MATCH (p:Person {emailKey: toLower($email)})
RETURN p.id AS id, p.externalId IS NOT NULL AS linked
