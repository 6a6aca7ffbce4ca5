// Removes the whole network (not the audit trail or the change sequence) before a replacing import, in its transaction.
MATCH (n)
WHERE n:Person OR n:Organisation OR n:IntegratedCareSystem OR n:Place OR n:Skill OR n:Project
DETACH DELETE n
