// A batch of ICSs.
// @param rows
UNWIND $rows AS row
CREATE (:IntegratedCareSystem {id: row.id, odsCode: row.odsCode, name: row.name, nhsRegion: row.nhsRegion,
                               validFrom: date(row.validFrom), validTo: date(row.validTo)})
