namespace CoalitionBot.Tests.Support;

/// The content of a <see cref="GuildFake"/> for ingestion tests (not to be confused with the bot's own
/// sample day, CoalitionBot.Digest.Sample.SampleServer, which is what ingestion would have stored and
/// which `digest --preview --sample` and the digest tests use): one of everything ingestion meets: a category, text and announcement
/// channels, a forum with posts, a thread, nicknames, a webhook, replies, mentions, reactions,
/// attachments and embeds. Messages are from the last hours, inside the first poll's backfill.
internal sealed class SampleGuild
{
    public SampleGuild(GuildFake fake)
    {
        Fake = fake;
        var start = fake.Now.AddHours(-3);
        Camille = fake.AddUser("camille", globalName: "Camille", nick: "Cam (bureau)");
        Jules = fake.AddUser("jules", globalName: "Jules");
        Plain = fake.AddUser("plainuser");
        Helpers = fake.AddRole("helpers");

        Category = fake.AddChannel("Association", type: 4);
        General = fake.AddChannel("général", type: 0, category: Category);
        Announcements = fake.AddChannel("annonces", type: 5, category: Category);
        Forum = fake.AddChannel("idées", type: 15, category: Category);

        var first = fake.AddMessages(General, 3, start, Camille, Jules, Plain);
        Rich = fake.Add(new FakeMessage(fake.Snowflake(start.AddMinutes(5)), General.Id, Jules, $"<@{Camille.Id}> <@&{Helpers}> voir <#{Announcements.Id}>", start.AddMinutes(5))
        {
            Type = 19,
            ReplyTo = first[0].Id,
            EditedAt = start.AddMinutes(6),
            Mentions = [Camille],
            MentionRoles = [Helpers],
            Attachments = [new FakeAttachment(fake.Snowflake(start.AddMinutes(5)), "ordre-du-jour.pdf", 48213, "application/pdf")],
            Embeds = [new FakeEmbed("Agenda", "https://example.org/agenda")],
            Reactions = [new FakeReaction("👍", 3)],
        });
        Webhook = fake.Add(new FakeMessage(fake.Snowflake(start.AddMinutes(7)), Announcements.Id, new FakeUser(fake.Snowflake(start), "Agenda Feed", null, null, Bot: true), "Réunion jeudi", start.AddMinutes(7))
        {
            WebhookId = fake.Snowflake(start.AddMinutes(7)),
        });

        Post = fake.AddThread(Forum, "Une idée", Jules, start.AddMinutes(10));
        fake.AddMessages(Post, 4, start.AddMinutes(10), Jules, Camille);
        Thread = fake.AddThread(General, "Un fil", Camille, start.AddMinutes(20));
        fake.AddMessages(Thread, 2, start.AddMinutes(20), Camille);
    }

    public GuildFake Fake { get; }

    public FakeUser Camille { get; }

    public FakeUser Jules { get; }

    public FakeUser Plain { get; }

    public ulong Helpers { get; }

    public FakeChannel Category { get; }

    public FakeChannel General { get; }

    public FakeChannel Announcements { get; }

    public FakeChannel Forum { get; }

    public FakeChannel Post { get; }

    public FakeChannel Thread { get; }

    public FakeMessage Rich { get; }

    public FakeMessage Webhook { get; }
}
