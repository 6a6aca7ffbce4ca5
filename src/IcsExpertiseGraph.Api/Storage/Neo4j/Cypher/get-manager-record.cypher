// Whether the person is recorded as a network manager (their latest sign-in carried the role), and as an admin. No row
// when there is no such person.
// @param personId
MATCH (p:Person {id: $personId})
RETURN p:NetworkManager AS manager, coalesce(p.managerIsAdmin, false) AS admin
