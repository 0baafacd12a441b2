using CoalitionBot.Storage;
using CoalitionBot.Localization;

namespace CoalitionBot.Activity;

internal static class ActivityExtensions
{
    /// <summary>What /resume and /report read: recent messages, and the daily aggregates kept beyond retention.</summary>
    public static IHostApplicationBuilder AddActivity(this IHostApplicationBuilder builder)
    {
        builder.AddLocale();
        builder.Services.AddSingleton<RecentActivity>();
        builder.Services.AddSingleton<DailyActivityRecorder>();
        builder.Services.AddSingleton<IBeforeRetention>(services => services.GetRequiredService<DailyActivityRecorder>());
        builder.Services.AddSingleton<ActivityReports>();
        return builder;
    }
}
