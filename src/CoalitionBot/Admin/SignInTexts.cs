using CoalitionBot.Localization;

namespace CoalitionBot.Admin;

/// What "sign in with Discord" says to moderators, in French and English.
internal sealed record SignInTexts
{
    public required string WithDiscord { get; init; }

    /// The heading over the token form, kept for the maintainer.
    public required string WithToken { get; init; }

    public required string SignedInAsFormat { get; init; }

    /// The page the callback answers while the browser moves on to the admin page.
    public required string MovingOn { get; init; }

    public required string Continue { get; init; }

    public required string StateMismatch { get; init; }

    public required string Denied { get; init; }

    public required string ExchangeFailed { get; init; }

    public required string NotMember { get; init; }

    public required string NotManager { get; init; }

    public required string Unreachable { get; init; }

    /// The session ended at a re-check: the person left the server or lost Manage Server.
    public required string NoLongerModerator { get; init; }

    public static SignInTexts French { get; } = new()
    {
        WithDiscord = "Se connecter avec Discord",
        WithToken = "Avec le jeton d'administration (pour la personne qui maintient le bot)",
        SignedInAsFormat = "Connecté·e en tant que {0}",
        MovingOn = "Connexion en cours…",
        Continue = "Continuer vers l'administration",
        StateMismatch = "La connexion avec Discord n'a pas pu être vérifiée (lien expiré ou ouvert dans un autre navigateur) : recommencez depuis cette page.",
        Denied = "Vous avez refusé l'autorisation sur Discord : vous n'êtes pas connecté·e.",
        ExchangeFailed = "Discord n'a pas confirmé la connexion (code expiré ou déjà utilisé) : recommencez depuis cette page.",
        NotMember = "Ce compte Discord n'est pas membre du serveur de la coalition.",
        NotManager = "Ce compte Discord n'a pas la permission « Gérer le serveur » : demandez-la à une personne qui administre le serveur.",
        Unreachable = "Discord ne répond pas pour l'instant : réessayez dans quelques minutes.",
        NoLongerModerator = "Votre session a pris fin : ce compte n'est plus membre du serveur ou n'a plus la permission « Gérer le serveur ».",
    };

    public static SignInTexts English { get; } = new()
    {
        WithDiscord = "Sign in with Discord",
        WithToken = "With the admin token (for whoever maintains the bot)",
        SignedInAsFormat = "Signed in as {0}",
        MovingOn = "Signing in…",
        Continue = "Continue to the admin page",
        StateMismatch = "The sign-in with Discord could not be verified (the link expired or was opened in another browser): start again from this page.",
        Denied = "You declined the authorization on Discord: you are not signed in.",
        ExchangeFailed = "Discord did not confirm the sign-in (the code expired or was already used): start again from this page.",
        NotMember = "This Discord account is not a member of the coalition's server.",
        NotManager = "This Discord account lacks the Manage Server permission: ask someone who administers the server.",
        Unreachable = "Discord is not answering right now: try again in a few minutes.",
        NoLongerModerator = "Your session ended: this account is no longer a member of the server or no longer has Manage Server.",
    };

    public static SignInTexts For(Language language) => language == Language.English ? English : French;
}
