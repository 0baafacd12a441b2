using CoalitionBot.Localization;

namespace CoalitionBot.Activity;

internal static class ActivityExtensions
{
    /// <summary>What /resume and /report read: recent messages and activity over a period.</summary>
    public static IHostApplicationBuilder AddActivity(this IHostApplicationBuilder builder)
    {
        builder.AddLocale();
        builder.Services.AddSingleton<RecentActivity>();
        return builder;
    }
}
