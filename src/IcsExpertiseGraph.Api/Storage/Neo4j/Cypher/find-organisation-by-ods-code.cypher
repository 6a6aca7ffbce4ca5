// The organisation holding an ODS code, in any case.
// @param odsCode
MATCH (o:Organisation {odsCodeKey: toUpper($odsCode)})
RETURN o.id AS id
