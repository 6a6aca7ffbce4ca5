// The first statement of a write that changes nothing the read models hold (invitations): it takes the same lock as
// begin-write, so writes still serialise and the checks an invitation makes hold until it commits, but leaves the
// change sequence's value alone, so no read model rebuilds for it.
MATCH (c:ChangeSequence {id: 1})
SET c.sideWrites = coalesce(c.sideWrites, 0) + 1
RETURN c.value AS value
