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

    public string Label(Language language) => language == Language.English ? "Send me a test" : "M'envoyer un test";

    public string? InputLabel(Language language) => language == Language.English ? "Your address" : "Votre adresse";

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var english = language == Language.English;
        if (!MailboxAddress.TryParse(input?.Trim() ?? "", out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            return english ? "That is not an email address." : "Ce n'est pas une adresse mail.";
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
            return (english ? "The test could not be sent: " : "Le test n'a pas pu partir : ") + exception.Message;
        }

        var key = DigestLedger.Key(day);
        Log.TestMailSent(logger, key);
        return english ? $"A test copy of the {day:yyyy-MM-dd} digest went to {address.Address}." : $"Un test du résumé du {day:dd/MM/yyyy} est parti vers {address.Address}.";
    }
}
