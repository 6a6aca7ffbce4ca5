// A batch of skills with their aliases (broader links follow once every skill exists).
// @param rows
UNWIND $rows AS row
CREATE (:Skill {id: row.id, key: row.key, name: row.name, description: row.description, domain: row.domain, aliases: row.aliases})
