// Which of these ODS codes an organisation holds.
// @param odsCodes
MATCH (o:Organisation)
WHERE o.odsCode IN $odsCodes
RETURN o.odsCode AS odsCode
