using CoalitionBot;
using CoalitionBot.Activity;
using CoalitionBot.Admin;
using CoalitionBot.Backup;
using CoalitionBot.Configuration;
using CoalitionBot.Digest;
using CoalitionBot.Discord;
using CoalitionBot.Health;
using CoalitionBot.Ingestion;
using CoalitionBot.Interactions;
using CoalitionBot.Mail;
using CoalitionBot.Monitoring;
using CoalitionBot.Security;
using CoalitionBot.Storage;
using CoalitionBot.Summarization;

// --help, --version and a mistyped option are answered before anything starts.
if (CommandLine.Early(args, Console.Out, Console.Error) is { } early)
{
    return early;
}

// Settings ship beside the binary; relative data paths (data/…) resolve against the working directory.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSingleton(TimeProvider.System);
builder.AddConsoleLogFormat();
builder.AddSecurity();
builder.AddStorage();
builder.AddBackup();
builder.AddDiscord();
builder.AddInteractions();
builder.AddIngestion();
builder.AddDigest();
builder.AddSummarization();
builder.AddActivity();
builder.AddMail();
builder.AddAdmin();
builder.AddMonitoring();
builder.AddHealth();

// Disposed on every path, so the console logger flushes (a start-up error line must not be lost).
await using var app = builder.Build();
if (!StartupChecks.ConfigurationIsValid(app))
{
    return 1;
}

app.UseSecurity();
app.UseTrustedProxies();
app.MapInteractions();
app.MapHealth();
var adminApi = app.MapAdmin();
adminApi.MapIngestion();
adminApi.MapDigestAdmin();

return CommandLine.Arguments(args).FirstOrDefault() switch
{
    CommandRegistration.Verb => await CommandRegistration.RunAsync(app.Services, app.Lifetime.ApplicationStopping),
    DigestPreview.Verb => await DigestPreview.RunAsync(app.Services, args, app.Lifetime.ApplicationStopping),
    null => await CommandLine.ServeAsync(app),
    var unknown => CommandLine.Unknown(app, unknown),
};
