using System.Globalization;
using System.Text.Json.Serialization;
using CoalitionBot.Digest;
using CoalitionBot.Operations;
using CoalitionBot.Storage;

namespace CoalitionBot.Admin;

/// The digest's audience as moderators see and change it on the admin page and API.
internal sealed class AdminAudience(DigestAudience audience, RoleStore roles, ILogger<AdminAudience> logger)
{
    public AudienceInfo Read() => Info(audience.Current());

    /// Null when the reference names no role of the server (as Discord last gave the roles).
    public AudienceInfo? Set(string reference, Actor who)
    {
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > DigestAudience.MaxReferenceLength || reference.Any(char.IsControl))
        {
            return null;
        }

        var trimmed = reference.Trim();
        if (audience.Choose(trimmed, who) is not { } chosen)
        {
            return null;
        }

        var label = chosen.Label;
        Log.AudienceChanged(logger, label, trimmed, who.Name);
        return Read();
    }

    private AudienceInfo Info(AudienceView view)
    {
        var (followed, visible) = audience.Followed();
        var known = roles.All();
        return new AudienceInfo(
            view.Label,
            view.Reference,
            view.RoleId?.ToString(CultureInfo.InvariantCulture),
            view.Choice is null ? "configuration" : "moderator",
            view.Choice?.ChangedBy,
            view.Choice?.ChangedAt,
            followed,
            visible,
            view.Choice?.ChangedById?.ToString(CultureInfo.InvariantCulture),
            audience.Problem(),
            [.. known.Select(r => new RoleOption(r.Id.ToString(CultureInfo.InvariantCulture), r.Id == view.GuildId ? DigestAudience.Everyone : r.Name))]);
    }
}

/// The audience: the role (its label, the reference it was given as, its id when it names one),
/// where the choice comes from ("configuration" or "moderator", with who and when), how many of
/// the followed channels it sees, what is wrong if anything, and the roles it may be set to.
internal sealed record AudienceInfo(
    string Role,
    string Reference,
    string? RoleId,
    string Source,
    string? ChangedBy,
    DateTimeOffset? ChangedAt,
    int Followed,
    int Visible,
    string? ChangedById,
    [property: JsonIgnore] HealthMessage? ProblemMessage,
    IReadOnlyList<RoleOption> Roles)
{
    /// What is wrong, in English; null when all is well.
    public string? Problem => ProblemMessage?.Invoke(HealthTexts.English);
}

internal sealed record RoleOption(string Id, string Name);

internal sealed record AudienceChange(string? Role);
