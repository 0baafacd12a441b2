using CoalitionBot.Operations;
using CoalitionBot.Localization;

namespace CoalitionBot.Backup;

/// "Sauvegarder maintenant" on the admin page: a snapshot before an upgrade or a risky change.
internal sealed class BackupNowAction(SnapshotWriter writer) : IAdminAction
{
    public string Key => "backup";

    public string Label(Language language) => language == Language.English ? "Back up now" : "Sauvegarder maintenant";

    public Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken)
    {
        var snapshot = writer.TakeSnapshot();
        var english = language == Language.English;
        var name = snapshot is null ? "" : Path.GetFileName(snapshot.Path);
        return Task.FromResult((snapshot, writer.LastFailure) switch
        {
            ({ }, _) => english ? $"Snapshot written: {name}." : $"Sauvegarde écrite : {name}.",
            (null, { } failure) => english ? $"The snapshot failed: {failure.Reason}" : $"La sauvegarde a échoué : {failure.Reason}",
            _ => english ? "The snapshot failed." : "La sauvegarde a échoué.",
        });
    }
}
