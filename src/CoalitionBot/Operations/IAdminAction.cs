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

    /// Runs the action and returns the sentence shown to the moderator.
    Task<string> ExecuteAsync(string? input, Language language, CancellationToken cancellationToken);
}
