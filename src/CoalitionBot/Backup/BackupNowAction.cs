using System.Globalization;
using CoalitionBot.Localization;
using CoalitionBot.Operations;

namespace CoalitionBot.Backup;

/// "Sauvegarder maintenant" on the admin page: a snapshot before an upgrade or a risky change.
internal sealed class BackupNowAction(SnapshotWriter writer) : IAdminAction
{
    public string Key => "backup";

    public string Label(Language language) => BackupNowTexts.For(language).Label;

    public bool RunsInBackground => true;

    public async Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken) =>
        (await RunAsync(input, language, cancellationToken)).Message;

    public Task<AdminActionResult> RunAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var snapshot = writer.TakeSnapshot();
        var texts = BackupNowTexts.For(language);
        return Task.FromResult((snapshot, writer.LastFailure) switch
        {
            ({ }, _) => new AdminActionResult(string.Format(CultureInfo.InvariantCulture, texts.WrittenFormat, Path.GetFileName(snapshot.Path)), Failed: false),
            (null, { } failure) => new AdminActionResult(texts.Failed + failure.Reason, Failed: true),
            _ => new AdminActionResult(texts.FailedUnknown, Failed: true),
        });
    }
}

/// What the backup action says, in French and English.
internal sealed record BackupNowTexts(string Label, string WrittenFormat, string Failed, string FailedUnknown)
{
    public static BackupNowTexts French { get; } = new(
        "Sauvegarder maintenant",
        "Sauvegarde écrite : {0}.",
        "La sauvegarde a échoué : ",
        "La sauvegarde a échoué.");

    public static BackupNowTexts English { get; } = new(
        "Back up now",
        "Snapshot written: {0}.",
        "The snapshot failed: ",
        "The snapshot failed.");

    public static BackupNowTexts For(Language language) => language == Language.English ? English : French;
}
