namespace CoalitionBot.Admin;

internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Token { get; set; }

    /// Addresses and CIDR ranges whose X-Forwarded-* headers are believed (Caddy's); empty: none.
    public string? TrustedProxies { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);
}
