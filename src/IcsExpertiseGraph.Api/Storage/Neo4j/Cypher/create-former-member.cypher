// The anonymous, hidden holder of a deleted person's project contributions.
// @param id
// @param now
CREATE (:Person {id: $id, displayName: 'Former member', visibility: 'PRIVATE', availabilityStatus: 'NOT_AVAILABLE',
                 openToCrossOrganisation: false, version: 1, createdAt: datetime($now), updatedAt: datetime($now), skillText: ''})
