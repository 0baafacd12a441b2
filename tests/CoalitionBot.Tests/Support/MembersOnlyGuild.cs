namespace CoalitionBot.Tests.Support;

/// A <see cref="GuildFake"/> laid out as associations usually lay out a members-only server: a
/// lobby everyone sees; an "Association" category that @everyone cannot see and the "Membre" role
/// opens (its channels synced with it, as Discord copies a category's overwrites), holding a text
/// channel, an announcement channel and a voice channel whose text chat is used in meetings; and a
/// board's room only the "Bureau" role sees. One message in each, yesterday at noon (Brussels),
/// inside the first poll's backfill.
internal sealed class MembersOnlyGuild
{
    public const ulong ViewChannel = 1UL << 10;

    public MembersOnlyGuild(GuildFake fake)
    {
        Fake = fake;
        var brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var today = TimeZoneInfo.ConvertTime(fake.Now, brussels).Date;
        Yesterday = DateOnly.FromDateTime(today.AddDays(-1));
        var noon = new DateTimeOffset(today.AddDays(-1).AddHours(12), brussels.GetUtcOffset(today.AddDays(-1).AddHours(12)));
        Alice = fake.AddUser("alice", globalName: "Alice");
        Bruno = fake.AddUser("bruno", globalName: "Bruno");
        Membre = fake.AddRole("Membre");
        Bureau = fake.AddRole("Bureau");

        Welcome = fake.AddChannel("Accueil", type: 4);
        Lobby = fake.AddChannel("bienvenue", type: 0, category: Welcome);

        Association = fake.AddChannel("Association", type: 4);
        OpenTo(Association, Membre);
        General = Synced(fake.AddChannel("général", type: 0, category: Association), Association);
        Announcements = Synced(fake.AddChannel("annonces", type: 5, category: Association), Association);
        Meeting = Synced(fake.AddChannel("Réunion", type: 2, category: Association), Association);

        Board = fake.AddChannel("Bureau", type: 4);
        OpenTo(Board, Bureau);
        BoardRoom = Synced(fake.AddChannel("bureau-privé", type: 0, category: Board), Board);

        LobbyMessage = Say(Lobby, Bruno, "Bonjour, je découvre le serveur", noon);
        GeneralMessage = Say(General, Alice, "Compte rendu de l'assemblée en ligne", noon.AddMinutes(1));
        AnnouncementMessage = Say(Announcements, Alice, "Manifestation samedi à 14h", noon.AddMinutes(2));
        MeetingMessage = Say(Meeting, Bruno, "Lien du pad de la réunion : https://pad.example.org/reunion", noon.AddMinutes(3));
        BoardMessage = Say(BoardRoom, Alice, "Budget confidentiel du bureau", noon.AddMinutes(4));
    }

    public GuildFake Fake { get; }

    public DateOnly Yesterday { get; }

    public FakeUser Alice { get; }

    public FakeUser Bruno { get; }

    public ulong Membre { get; }

    public ulong Bureau { get; }

    public FakeChannel Welcome { get; }

    public FakeChannel Lobby { get; }

    public FakeChannel Association { get; }

    public FakeChannel General { get; }

    public FakeChannel Announcements { get; }

    public FakeChannel Meeting { get; }

    public FakeChannel Board { get; }

    public FakeChannel BoardRoom { get; }

    public FakeMessage LobbyMessage { get; }

    public FakeMessage GeneralMessage { get; }

    public FakeMessage AnnouncementMessage { get; }

    public FakeMessage MeetingMessage { get; }

    public FakeMessage BoardMessage { get; }

    /// The channels the "Membre" role sees, in the server's order.
    public IReadOnlyList<FakeChannel> MembersChannels => [Lobby, General, Announcements, Meeting];

    /// @everyone may not see the category; the role may.
    private void OpenTo(FakeChannel category, ulong role)
    {
        category.Overwrites.Add(new FakeOverwrite(Fake.Guild, Allow: 0, Deny: ViewChannel));
        category.Overwrites.Add(new FakeOverwrite(role, Allow: ViewChannel, Deny: 0));
    }

    /// Discord's "synced with the category": the channel carries a copy of the category's overwrites.
    private static FakeChannel Synced(FakeChannel channel, FakeChannel category)
    {
        channel.Overwrites.AddRange(category.Overwrites);
        return channel;
    }

    private FakeMessage Say(FakeChannel channel, FakeUser author, string content, DateTimeOffset at) =>
        Fake.Add(new FakeMessage(Fake.Snowflake(at), channel.Id, author, content, at));
}
