// A new PRIVATE profile a signed-in member asked for (createMyProfile), seen by nobody else and not available until they say otherwise.
// @param id
// @param displayName
// @param email
// @param externalId
// @param now
CREATE (p:Person {id: $id, displayName: $displayName, email: $email, emailKey: toLower($email), visibility: 'PRIVATE',
                  availabilityStatus: 'NOT_AVAILABLE', openToCrossOrganisation: false, externalId: $externalId, version: 1,
                  createdAt: datetime($now), updatedAt: datetime($now), skillText: ''})
