namespace CoalitionBot.Storage;

/// The feature switches until a moderator changes them, from the digest's key (Digest:WeeklyDigest,
/// validated with the digest's options).
internal sealed class SwitchDefaults
{
    public const string SectionName = "Digest";

    public bool WeeklyDigest { get; set; }
}
