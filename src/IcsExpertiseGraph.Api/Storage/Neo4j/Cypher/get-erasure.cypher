// When the profile of the sign-in with this hashed object id was last erased, if ever.
// @param identityHash
MATCH (e:ErasedIdentity {identityHash: $identityHash})
RETURN e.erasedAt AS erasedAt
