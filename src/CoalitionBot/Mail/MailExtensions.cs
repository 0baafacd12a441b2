using CoalitionBot.Configuration;

namespace CoalitionBot.Mail;

internal static class MailExtensions
{
    /// <summary>Options for outgoing mail (SMTP, or .eml files in data/outbox/).</summary>
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SmtpOptions, SmtpOptionsValidator>().BindConfiguration(SmtpOptions.SectionName);
        return builder;
    }
}
