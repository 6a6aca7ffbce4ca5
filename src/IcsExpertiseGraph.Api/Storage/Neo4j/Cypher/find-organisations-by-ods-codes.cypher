// Which of these ODS codes (upper-cased by the caller) an organisation holds.
// @param odsCodes
MATCH (o:Organisation)
WHERE o.odsCodeKey IN $odsCodes
RETURN o.odsCodeKey AS odsCode
