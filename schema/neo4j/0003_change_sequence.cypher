// The one change-sequence node: every write transaction bumps it first (so writes serialise on its lock, as in
// the embedded store), and read models poll it. lastAuditId numbers the audit trail in commit order.
MERGE (c:ChangeSequence {id: 1})
ON CREATE SET c.value = 0, c.lastAuditId = 0;
