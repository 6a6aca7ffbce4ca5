// Erasure is final for the sign-in that asked for it: (:ErasedIdentity {identityHash, erasedAt}) holds only a SHA-256
// hash of the identity provider's object id and when its profile was last erased (no name, no email), so tokens issued
// before then are refused and the sign-in gets no profile again until it asks for one. Looked up by the hash.
CREATE CONSTRAINT erased_identity_hash IF NOT EXISTS FOR (e:ErasedIdentity) REQUIRE e.identityHash IS UNIQUE;
