using CoalitionBot.Configuration;

namespace CoalitionBot.Storage;

internal static class StorageExtensions
{
    /// <summary>The LiteDB file, the stores over it, and the import of the previous bot's lists.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<StorageOptions, StorageOptionsValidator>().BindConfiguration(StorageOptions.SectionName);
        builder.Services.AddOptions<SwitchDefaults>().BindConfiguration(SwitchDefaults.SectionName);
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<ChannelListStore>();
        builder.Services.AddSingleton<MessageStore>();
        builder.Services.AddSingleton<ChannelStore>();
        builder.Services.AddSingleton<RoleStore>();
        builder.Services.AddSingleton<CursorStore>();
        builder.Services.AddSingleton<SettingsStore>();
        builder.Services.AddSingleton<DailyActivityStore>();
        builder.Services.AddSingleton<SeedImporter>();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage");
        return builder;
    }
}
