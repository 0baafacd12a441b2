namespace CoalitionBot.Tests.Support;

/// The ReadyToRun build (scripts/publish.sh --r2r: self-contained, untrimmed, on the JIT runtime),
/// the one a Raspberry Pi with under 3 GiB of memory builds for itself (init_bot_stack.sh picks it
/// there). ./test.sh publishes it and names it in COALITIONBOT_R2R_BINARY; without that variable
/// this fixture publishes it into ready-to-run/ under the test output. A missing or failed build
/// fails the tests, never skips them.
public sealed class ReadyToRunBinary : IAsyncLifetime
{
    public const string Variable = "COALITIONBOT_R2R_BINARY";

    public string Path { get; private set; } = "";

    public async ValueTask InitializeAsync() => Path = await NativeBinary.FindOrPublishAsync(Variable, "ready-to-run", architecture: null, readyToRun: true);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
