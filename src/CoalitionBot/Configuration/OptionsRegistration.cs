using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Configuration;

/// Binds an options class to its section with a validator, and remembers it so start-up can check
/// every section once and report each bad key on its own line.
internal static class OptionsRegistration
{
    /// The caller binds the section itself (<c>.BindConfiguration(T.SectionName)</c>) so the
    /// configuration binding generator sees a concrete type at the call.
    /// The options are created and the validator constructed by DI, so the trimmer must keep their
    /// constructors (without these annotations it warns, IL2091, and the first native AOT experiment
    /// trimmed every validator away: the bot refused to start).
    public static OptionsBuilder<T> AddValidatedOptions<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TValidator>(this IHostApplicationBuilder builder)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        builder.Services.AddSingleton<IValidateOptions<T>, TValidator>();
        builder.Services.AddSingleton<IOptionsProbe, OptionsProbe<T>>();
        return builder.Services.AddOptions<T>().ValidateOnStart();
    }

    /// Resolves every registered options section and returns one message per problem.
    public static IReadOnlyList<string> FindConfigurationErrors(IServiceProvider services)
    {
        List<string> errors = [];
        foreach (var probe in services.GetServices<IOptionsProbe>())
        {
            try
            {
                probe.Resolve(services);
            }
            catch (OptionsValidationException exception)
            {
                errors.AddRange(exception.Failures);
            }
            catch (InvalidOperationException exception)
            {
                // The binder's own message names the key ("Failed to convert configuration value at 'X:Y'").
                errors.Add(exception.Message);
            }
        }

        return errors;
    }

    internal interface IOptionsProbe
    {
        void Resolve(IServiceProvider services);
    }

    private sealed class OptionsProbe<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T> : IOptionsProbe
        where T : class
    {
        public void Resolve(IServiceProvider services) => _ = services.GetRequiredService<IOptions<T>>().Value;
    }
}
