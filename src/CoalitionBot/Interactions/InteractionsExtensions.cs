using CoalitionBot.Interactions.Commands;
using CoalitionBot.Localization;

namespace CoalitionBot.Interactions;

internal static class InteractionsExtensions
{
    /// <summary>Signature check, router, slash commands and the worker for deferred answers.</summary>
    public static IHostApplicationBuilder AddInteractions(this IHostApplicationBuilder builder)
    {
        builder.AddLocale();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddSingleton<InteractionRouter>();
        builder.Services.AddSingleton<MemberCooldowns>();
        builder.Services.AddSingleton<DeferredResponses>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeferredResponses>());
        builder.Services.AddSingleton<ISlashCommand, ChannelsCommand>();
        builder.Services.AddSingleton<ISlashCommand, ExcludeCommand>();
        builder.Services.AddSingleton<ISlashCommand, IncludeCommand>();
        builder.Services.AddSingleton<ISlashCommand, ImportantCommand>();
        builder.Services.AddSingleton<ISlashCommand, AudienceCommand>();
        builder.Services.AddSingleton<ISlashCommand, ResumeCommand>();
        builder.Services.AddSingleton<ISlashCommand, ReportCommand>();
        return builder;
    }

    /// <summary>POST /interactions, the URL given to Discord.</summary>
    public static IEndpointConventionBuilder MapInteractions(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/interactions", InteractionEndpoint.HandleAsync)
            .WithName("Interactions")
            .ExcludeFromDescription()
            .DisableAntiforgery();
}
