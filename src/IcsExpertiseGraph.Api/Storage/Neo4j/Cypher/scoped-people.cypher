// The people a batch of changes names, as all-people returns them: one index seek per id (a scoped load is a separate
// statement, not all-people with an "$ids IS NULL OR" filter, because one cached plan would then scan every person
// for both). Ids of people who are gone find nothing.
// @param ids
UNWIND $ids AS wantedId
MATCH (p:Person {id: wantedId})
RETURN p.id AS id, p.displayName AS displayName, p.headline AS headline, p.bio AS bio, p.visibility AS visibility,
       p.availabilityStatus AS availabilityStatus, p.openToCrossOrganisation AS openToCrossOrganisation, p.lastConfirmedAt AS lastConfirmedAt
