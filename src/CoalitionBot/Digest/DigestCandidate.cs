using CoalitionBot.Storage;

namespace CoalitionBot.Digest;

/// A message kept for the digest, with where it lives and what it would cost in the mail.
internal sealed record DigestCandidate(StoredMessage Message, StoredChannel Parent, StoredChannel? Thread, bool Important, DigestEntry Entry, int Size);
