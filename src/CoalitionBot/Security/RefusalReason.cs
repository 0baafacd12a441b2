namespace CoalitionBot.Security;

/// Why a request was refused before its sender proved who it is.
internal enum RefusalReason
{
    MissingSignature,
    MalformedSignature,
    StaleTimestamp,
    BadSignature,
    BodyTooLarge,
    BodyUnreadable,
    InteractionsOff,
    WrongAdminToken,
    AdminLockedOut,
    StaleAdminForm,
    SignInStateMismatch,
    SignInDeclined,
    SignInCodeRefused,
}

internal static class RefusalReasons
{
    public static readonly RefusalReason[] All = Enum.GetValues<RefusalReason>();

    /// The key in the admin status (camelCase, like the rest of its JSON).
    public static string Key(RefusalReason reason) => reason switch
    {
        RefusalReason.MissingSignature => "missingSignature",
        RefusalReason.MalformedSignature => "malformedSignature",
        RefusalReason.StaleTimestamp => "staleTimestamp",
        RefusalReason.BadSignature => "badSignature",
        RefusalReason.BodyTooLarge => "bodyTooLarge",
        RefusalReason.BodyUnreadable => "bodyUnreadable",
        RefusalReason.InteractionsOff => "interactionsOff",
        RefusalReason.WrongAdminToken => "wrongAdminToken",
        RefusalReason.AdminLockedOut => "adminLockedOut",
        RefusalReason.SignInStateMismatch => "signInStateMismatch",
        RefusalReason.SignInDeclined => "signInDeclined",
        RefusalReason.SignInCodeRefused => "signInCodeRefused",
        _ => "staleAdminForm",
    };

    /// The words in the log's summary line; "signature" is there for operators who grep for it.
    public static string Words(RefusalReason reason) => reason switch
    {
        RefusalReason.MissingSignature => "missing signature headers",
        RefusalReason.MalformedSignature => "malformed signature headers",
        RefusalReason.StaleTimestamp => "stale signature timestamp",
        RefusalReason.BadSignature => "bad signature",
        RefusalReason.BodyTooLarge => "body too large",
        RefusalReason.BodyUnreadable => "unreadable body",
        RefusalReason.InteractionsOff => "interactions off (no Discord:PublicKey)",
        RefusalReason.WrongAdminToken => "wrong admin token",
        RefusalReason.AdminLockedOut => "admin attempts over the limit",
        RefusalReason.SignInStateMismatch => "Discord sign-in with a missing or wrong state",
        RefusalReason.SignInDeclined => "Discord sign-in declined on Discord",
        RefusalReason.SignInCodeRefused => "Discord sign-in code refused by Discord",
        _ => "admin form without a valid anti-forgery token",
    };
}
