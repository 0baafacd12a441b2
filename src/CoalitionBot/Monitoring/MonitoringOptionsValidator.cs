using CoalitionBot.Configuration;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Monitoring;

internal sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options) =>
        !string.IsNullOrWhiteSpace(options.PushUrl) && !ConfigurationChecks.IsHttpUrl(options.PushUrl)
            ? ValidateOptionsResult.Fail("Monitoring:PushUrl must be an absolute http(s) URL (Uptime Kuma's push URL).")
            : ValidateOptionsResult.Success;
}
