// Every person with what the search index and the collaboration graph hold of them (no contact details).
MATCH (p:Person)
RETURN p.id AS id, p.displayName AS displayName, p.headline AS headline, p.bio AS bio, p.visibility AS visibility,
       p.availabilityStatus AS availabilityStatus, p.openToCrossOrganisation AS openToCrossOrganisation, p.lastConfirmedAt AS lastConfirmedAt
