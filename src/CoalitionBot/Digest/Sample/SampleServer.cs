using CoalitionBot.Storage;

namespace CoalitionBot.Digest.Sample;

/// A small French-speaking association's server on one day, for `digest --preview --sample` and
/// the tests: categories, an important channel, threads, a forum, a hidden channel, a bot, markup.
internal static class SampleServer
{
    public const ulong GuildId = 900_000_000_000_000_001;
    public const string Name = "Coalition FFJ";

    private const ulong Welcome = 100, Projects = 101, Staff = 102;
    public const ulong Announcements = 200, General = 201, Events = 202, Web = 203, Ideas = 204, Moderation = 205;
    public const ulong WebThread = 300, IdeaPost = 301;
    private const ulong Alice = 1, Bruno = 2, Chloe = 3, David = 4, Emma = 5, Farid = 6, Bot = 99;
    private const ulong BureauRole = 50;

    public static IReadOnlyList<StoredChannel> Channels { get; } =
    [
        new() { Id = Welcome, Name = "Accueil", Type = 4, Position = 0 },
        new() { Id = Projects, Name = "Projets", Type = 4, Position = 1 },
        new() { Id = Staff, Name = "Bureau", Type = 4, Position = 2 },
        new() { Id = Announcements, Name = "annonces", Type = 5, Position = 0, ParentId = Welcome },
        new() { Id = General, Name = "général", Type = 0, Position = 1, ParentId = Welcome },
        new() { Id = Events, Name = "événements", Type = 0, Position = 2, ParentId = Welcome },
        new() { Id = Web, Name = "site-web", Type = 0, Position = 0, ParentId = Projects },
        new() { Id = Ideas, Name = "idées", Type = 15, Position = 1, ParentId = Projects },
        new() { Id = Moderation, Name = "modération", Type = 0, Position = 0, ParentId = Staff, AudienceCanView = false },
        new() { Id = WebThread, Name = "Refonte de la page d'accueil", Type = 11, ParentId = Web },
        new() { Id = IdeaPost, Name = "Un atelier vélo le samedi ?", Type = 11, ParentId = Ideas },
    ];

    public static IReadOnlyList<ChannelListEntry> Lists { get; } =
    [
        new() { Id = 1, ChannelId = Announcements, Name = "annonces", Important = true },
    ];

    public static IReadOnlyList<StoredMessage> Messages(DateOnly day, TimeZoneInfo zone)
    {
        var start = DigestPeriod.StartOfDay(day, zone);
        var id = (ulong)day.DayNumber * 10_000;
        List<StoredMessage> messages = [];

        StoredMessage Add(ulong channel, ulong author, string name, int hour, int minute, string content, Func<StoredMessage, StoredMessage>? change = null)
        {
            var message = new StoredMessage
            {
                Id = ++id,
                ChannelId = channel,
                AuthorId = author,
                AuthorName = name,
                AuthorIsBot = author == Bot,
                Content = content,
                Timestamp = start.AddHours(hour).AddMinutes(minute),
            };
            message = change?.Invoke(message) ?? message;
            messages.Add(message);
            return message;
        }

        var assembly = Add(Announcements, Alice, "Alice Martin", 8, 5,
            "**Assemblée générale** le <t:1798815600:F> à la Maison des associations.\n"
            + "Ordre du jour :\n- bilan de l'année\n- budget 2027\n- élection du bureau\n"
            + "Inscriptions : https://example.org/ag-2026 — merci de répondre avant vendredi <@&50> !",
            m => m with
            {
                MentionedRoles = [new StoredMention(BureauRole, "bureau")],
                Reactions = [new StoredReaction("👍", null, 9), new StoredReaction("🎉", null, 4)],
                Attachments = [new StoredAttachment("ordre-du-jour-AG.pdf", 184_320, "application/pdf", "https://cdn.example/ordre.pdf")],
            });
        Add(General, Bruno, "Bruno", 8, 40, "Bonjour à tous ! Quelqu'un a les clés du local pour ce soir ?");
        var keys = messages[^1];
        Add(General, Chloe, "Chloé D.", 8, 52, "Oui, je passe vers 18 h. Je préviens <@3> et <@!4> pour le rangement.",
            m => m with { ReplyToMessageId = keys.Id, Type = 19, MentionedUsers = [new StoredMention(Chloe, "Chloé D."), new StoredMention(David, "David")] });
        Add(General, David, "David", 9, 10, "Parfait, merci ! Et n'oubliez pas : ||le gâteau est une surprise pour Emma|| 🤫",
            m => m with { ReplyToMessageId = keys.Id, Type = 19, Reactions = [new StoredReaction("😂", null, 3)] });
        Add(General, Emma, "Emma", 10, 3, "Petite question : on garde le *même* format que l'an dernier pour la fête ? ~~Pas de karaoké~~ __promis__ :sweat_smile: <:coalition:123456789012345678>");
        Add(General, Farid, "Farid", 10, 30, "Le compte rendu d'hier est dans <#201>, et les photos dans <#202>.");
        Add(General, Bot, "CoalitionBot", 11, 0, "Rappel automatique : cotisations 2027 ouvertes.");
        Add(General, Alice, "Alice Martin", 11, 15, "", m => m with { Type = 6 });
        Add(Events, Emma, "Emma", 12, 0, "Sortie nature dimanche : départ 9 h 30 de la gare, prévoir des chaussures de marche. Détails : [programme](https://example.org/sortie) et [ceci n'est pas un lien](javascript:alert(1))");
        Add(Events, Bruno, "Bruno", 12, 20, "Je m'inscris ! Qui covoiture depuis Namur ?", m => m with { Reactions = [new StoredReaction("🚗", null, 2)] });

        var redesign = Add(Web, Chloe, "Chloé D.", 14, 0, "J'ai commencé la refonte de la page d'accueil, voici la maquette.",
            m => m with
            {
                ThreadId = WebThread,
                Attachments = [new StoredAttachment("maquette-accueil.png", 1_254_000, "image/png", "https://cdn.example/maquette.png")],
                Reactions = [new StoredReaction("🔥", null, 6), new StoredReaction("coalition", 123456789012345678, 2)],
            });
        Add(Web, Chloe, "Chloé D.", 14, 1, "Refonte de la page d'accueil", m => m with { Type = 18 });
        Add(WebThread, David, "David", 14, 20, "Super ! Le menu pourrait être plus simple, non ?");
        Add(WebThread, Farid, "Farid", 14, 35, "D'accord avec David. Pour le code :\n```css\nnav { display: flex; gap: 1rem; }\n```\nÇa devrait suffire.");
        Add(WebThread, Emma, "Emma", 15, 2, "> Le menu pourrait être plus simple\nOui, et il faut garder le lien vers les adhésions en `header`.");
        Add(WebThread, Alice, "Alice Martin", 15, 40, "Validé pour moi, on met en ligne la semaine prochaine. Merci Chloé 🙏", m => m with { Reactions = [new StoredReaction("❤️", null, 5)] });

        Add(IdeaPost, Farid, "Farid", 16, 10, "Et si on organisait un atelier de réparation de vélos un samedi par mois ? J'ai des outils.");
        Add(IdeaPost, Bruno, "Bruno", 16, 45, "Bonne idée ! Le local est libre le premier samedi.");
        Add(IdeaPost, Chloe, "Chloé D.", 17, 5, "Je peux faire l'affiche <script>alert('x')</script> 😄");

        Add(Moderation, Alice, "Alice Martin", 18, 0, "Discussion interne du bureau : ne doit pas partir sur la liste.");
        _ = assembly;
        _ = redesign;
        return messages;
    }
}
