// Waits (up to five minutes) until every index is online, so a search right after migration finds what was written.
CALL db.awaitIndexes(300)
