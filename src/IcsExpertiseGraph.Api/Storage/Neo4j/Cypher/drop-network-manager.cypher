// The person's latest sign-in lacked the network-manager role: they are told of requests as a manager no more.
// @param personId
MATCH (p:Person:NetworkManager {id: $personId})
REMOVE p:NetworkManager, p.managerIsAdmin, p.managerRecordedAt
