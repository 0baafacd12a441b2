using Microsoft.Extensions.Options;

namespace CoalitionBot.Localization;

internal static class LocalizationExtensions
{
    /// <summary>The language and time zone (<see cref="LocaleOptions"/>); each feature that reads them adds them, once.</summary>
    public static IHostApplicationBuilder AddLocale(this IHostApplicationBuilder builder)
    {
        if (!builder.Services.Any(s => s.ServiceType == typeof(IConfigureOptions<LocaleOptions>)))
        {
            builder.Services.AddOptions<LocaleOptions>().BindConfiguration(LocaleOptions.SectionName);
        }

        return builder;
    }
}
