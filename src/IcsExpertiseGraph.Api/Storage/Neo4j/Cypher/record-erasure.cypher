// Remembers, hashed, the sign-in whose profile is being erased, and when (the newest erasure wins).
// @param identityHash
// @param erasedAt
MERGE (e:ErasedIdentity {identityHash: $identityHash})
SET e.erasedAt = datetime($erasedAt)
