using CoalitionBot.Configuration;
using CoalitionBot.Storage;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Mail;

internal static class MailExtensions
{
    /// <summary>
    /// Outgoing mail: SMTP when Smtp:Host is set, otherwise .eml files in data/outbox/, which the
    /// daily retention job clears after Storage:RetentionDays.
    /// </summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>().BindConfiguration(SmtpOptions.SectionName);
        builder.Services.AddSingleton<SmtpMailTransport>();
        builder.Services.AddSingleton<OutboxDirectoryTransport>();
        builder.Services.AddSingleton<IContentRetention, OutboxRetention>();
        builder.Services.AddSingleton<IMailTransport>(services =>
            services.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
                ? services.GetRequiredService<SmtpMailTransport>()
                : services.GetRequiredService<OutboxDirectoryTransport>());
        return builder;
    }
}
