namespace CoalitionBot.Admin;

internal sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Token { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Token);
}
