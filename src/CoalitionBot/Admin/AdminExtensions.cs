using CoalitionBot.Configuration;

namespace CoalitionBot.Admin;

internal static class AdminExtensions
{
    /// <summary>Options for the moderators' admin API and page.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions, AdminOptionsValidator>().BindConfiguration(AdminOptions.SectionName);
        return builder;
    }
}
