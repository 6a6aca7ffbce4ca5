// Records that the person's latest sign-in carried the network-manager role (admin: as Admin): a label on the person,
// so erasing them (DETACH DELETE) takes it with them.
// @param personId
// @param admin
// @param now
MATCH (p:Person {id: $personId})
SET p:NetworkManager, p.managerIsAdmin = $admin, p.managerRecordedAt = datetime($now)
