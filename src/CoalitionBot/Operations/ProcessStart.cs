namespace CoalitionBot.Operations;

/// When this process started, for the uptime shown by health and status.
internal sealed record ProcessStart(DateTimeOffset At);
