namespace CoalitionBot.Digest;

/// What the size budget kept: sections, and the channels only named and counted.
internal sealed record DigestLayout(IReadOnlyList<DigestSection> Sections, IReadOnlyList<ChannelActivity> OtherChannels, int OtherChannelsOmitted);
