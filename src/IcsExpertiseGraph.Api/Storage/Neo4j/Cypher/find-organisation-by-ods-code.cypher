// The organisation holding an ODS code (the API upper-cases codes, as the NHS Organisation Data Service issues them).
// @param odsCode
MATCH (o:Organisation {odsCode: $odsCode})
RETURN o.id AS id
