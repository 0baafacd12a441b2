using CoalitionBot.Configuration;

namespace CoalitionBot.Digest;

internal static class DigestExtensions
{
    /// <summary>Options for the digest's recipients, schedule, time zone and language.</summary>
    public static IHostApplicationBuilder AddDigest(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DigestOptions, DigestOptionsValidator>().BindConfiguration(DigestOptions.SectionName);
        return builder;
    }
}
