using System.Globalization;
using CoalitionBot.Localization;
using CoalitionBot.Mail;
using CoalitionBot.Operations;
using MimeKit;

namespace CoalitionBot.Digest;

/// "M'envoyer un test": the last complete day's digest to one address, marked as a test, with its
/// own Message-ID and no trace in the ledger, so the real digest is unaffected.
internal sealed class TestMailAction(DigestService digests, IMailTransport transport, TimeProvider time, ILogger<TestMailAction> logger) : IAdminAction
{
    public string Key => "test-mail";

    public string Label(Language language) => TestMailTexts.For(language).Label;

    public string? InputLabel(Language language) => TestMailTexts.For(language).InputLabel;

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var texts = TestMailTexts.For(language);
        if (!MailboxAddress.TryParse(input?.Trim() ?? "", out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            return texts.NotAnAddress;
        }

        var day = digests.LastCompleteDay();
        var (_, rendered) = digests.Render(day);
        var now = time.GetUtcNow();
        var options = new DigestOptions { To = "", From = digests.Options.From };
        var messageId = $"test-{now.ToUnixTimeMilliseconds()}.{MailComposer.MessageId(digests.GuildId, day)}";
        var mail = MailComposer.Compose(rendered with { Subject = "[Test] " + rendered.Subject }, options, messageId, now);
        // The address goes in as parsed: written into Digest:To's comma-separated list, a quoted local
        // part or a domain literal with a comma ("a,b"@example.org) would be split in two and refused.
        mail.To.Add(address);
        try
        {
            await transport.SendAsync(mail, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.TestMailFailed(logger, exception.Message);
            return texts.Failed + exception.Message;
        }

        var key = DigestLedger.Key(day);
        Log.TestMailSent(logger, key);
        return string.Format(CultureInfo.InvariantCulture, texts.SentFormat, day, address.Address);
    }
}

/// What the test-mail action says, in French and English.
internal sealed record TestMailTexts(string Label, string InputLabel, string NotAnAddress, string Failed, string SentFormat)
{
    public static TestMailTexts French { get; } = new(
        "M'envoyer un test",
        "Votre adresse",
        "Ce n'est pas une adresse mail.",
        "Le test n'a pas pu partir : ",
        "Un test du résumé du {0:dd/MM/yyyy} est parti vers {1}.");

    public static TestMailTexts English { get; } = new(
        "Send me a test",
        "Your address",
        "That is not an email address.",
        "The test could not be sent: ",
        "A test copy of the {0:yyyy-MM-dd} digest went to {1}.");

    public static TestMailTexts For(Language language) => language == Language.English ? English : French;
}
