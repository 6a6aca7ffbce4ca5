// A new NETWORK profile for a signed-in member who had none, not available until they say otherwise.
// @param id
// @param displayName
// @param email
// @param externalId
// @param now
CREATE (p:Person {id: $id, displayName: $displayName, email: $email, emailKey: toLower($email), visibility: 'NETWORK',
                  availabilityStatus: 'NOT_AVAILABLE', openToCrossOrganisation: false, externalId: $externalId, version: 1,
                  createdAt: datetime($now), updatedAt: datetime($now), skillText: ''})
