using CoalitionBot.Localization;

namespace CoalitionBot.Operations;

/// A button on the admin page that a feature contributes ("Collecter maintenant",
/// "Envoyer le résumé maintenant", "M'envoyer un test"), with at most one text field.
internal interface IAdminAction
{
    string Key { get; }

    string Label(Language language);

    /// The label of the action's text field, or null when it has none.
    string? InputLabel(Language language) => null;

    /// Whether it may take long (Discord, SMTP, the disk): the page then runs it in the background
    /// and shows a status panel until its sentence is ready, instead of a blank wait.
    bool RunsInBackground => false;

    /// Runs the action and returns the sentence shown to the moderator.
    Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken);

    /// Runs the action: its sentence, and whether that sentence reports a failure. Actions that
    /// can tell override it; the others' sentences count as done.
    async Task<AdminActionResult> RunAsync(string? input, Language language, CancellationToken cancellationToken) =>
        new(await ExecuteAsync(input, language, cancellationToken), Failed: false);
}

/// What an action came to: the sentence shown to the moderator, and whether it reports a failure.
internal sealed record AdminActionResult(string Message, bool Failed);
