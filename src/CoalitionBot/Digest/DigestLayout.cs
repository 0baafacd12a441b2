namespace CoalitionBot.Digest;

/// What the size budget kept: sections, and the channels only named and counted; and the active
/// channels left out even of that list (only counted in the mail, named for the preview).
internal sealed record DigestLayout(IReadOnlyList<DigestSection> Sections, IReadOnlyList<ChannelActivity> OtherChannels, IReadOnlyList<ChannelActivity> LeftOut)
{
    public int OtherChannelsOmitted => LeftOut.Count;
}
