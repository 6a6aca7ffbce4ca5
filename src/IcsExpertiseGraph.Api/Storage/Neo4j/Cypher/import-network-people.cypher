// A batch of people with their searchable skill text (worked out by the importer, in the same form the writes keep).
// @param rows
UNWIND $rows AS row
CREATE (:Person {id: row.id, displayName: row.displayName, headline: row.headline, bio: row.bio, email: row.email,
                 emailKey: toLower(row.email), orcid: row.orcid, visibility: row.visibility, availabilityStatus: row.availabilityStatus,
                 hoursPerMonth: row.hoursPerMonth, openToCrossOrganisation: row.openToCrossOrganisation,
                 availabilityTerms: row.availabilityTerms, lastConfirmedAt: datetime(row.lastConfirmedAt), externalId: row.externalId,
                 version: row.version, createdAt: datetime(row.createdAt), updatedAt: datetime(row.updatedAt), skillText: row.skillText})
