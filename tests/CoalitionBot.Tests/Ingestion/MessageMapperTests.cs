using CoalitionBot.Discord.Models;
using CoalitionBot.Ingestion;
using CoalitionBot.Storage;

namespace CoalitionBot.Tests.Ingestion;

public sealed class MessageMapperTests
{
    private static readonly User Camille = new(222222222222222222, "camille", "Camille");

    [Theory]
    [InlineData("Cam", "Camille", false, "Cam")]
    [InlineData(null, "Camille", false, "Camille")]
    [InlineData(" ", null, false, "camille")]
    [InlineData("Cam", "Camille", true, "camille")]
    public void Display_names_prefer_the_server_nickname_then_the_global_name_then_the_username(string? nick, string? globalName, bool webhook, string expected)
    {
        var name = MessageMapper.DisplayName(Camille with { GlobalName = globalName }, nick, webhook);

        Assert.Equal(expected, name);
    }

    [Fact]
    public void Only_a_reply_records_the_message_it_answers()
    {
        var reference = new MessageReference(0, 1417203399112233400, 1300000000000000111);
        var reply = Message(19) with { MessageReference = reference };
        var pin = Message(6) with { MessageReference = reference };

        Assert.Equal(1417203399112233400ul, MessageMapper.Map(reply, Names()).ReplyToMessageId);
        Assert.Null(MessageMapper.Map(pin, Names()).ReplyToMessageId);
    }

    [Fact]
    public void Channel_mentions_are_read_from_the_content_once_each()
    {
        var message = Message(0) with { Content = "voir <#1300000000000000222> et <#1300000000000000222>, pas <#abc>" };

        var stored = MessageMapper.Map(message, Names());

        Assert.Equal([new StoredMention(1300000000000000222, "annonces")], stored.MentionedChannels);
    }

    [Fact]
    public void A_message_that_started_a_thread_points_to_it()
    {
        var stored = MessageMapper.Map(Message(0) with { Flags = 1 << 5 }, Names());

        Assert.Equal(stored.Id, stored.ThreadId);
    }

    private static Message Message(int type) =>
        new(1417203399112233445, 1300000000000000111, Camille, "bonjour", new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero), Type: type);

    private static MessageNames Names() =>
        new("Camille", new Dictionary<ulong, string?>(), new Dictionary<ulong, string>(), id => id == 1300000000000000222 ? "annonces" : null);
}
