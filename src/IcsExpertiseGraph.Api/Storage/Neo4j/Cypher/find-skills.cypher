// Which of these skill ids the taxonomy holds.
// @param ids
MATCH (s:Skill)
WHERE s.id IN $ids
RETURN s.id AS id
