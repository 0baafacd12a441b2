using System.Diagnostics;
using System.Reflection;

namespace CoalitionBot.Tests.Suite;

/// The fast loop (`dotnet test … --filter-not-trait "Category=Process"`) leaves out the tests that
/// start processes (the native binary, qemu, Caddy, Chromium, SMTP servers, scripts). It only works
/// if every such test carries the trait: this walks the test assembly and says which do not.
public sealed class ProcessTraitTests
{
    private static readonly Assembly Tests = typeof(ProcessTraitTests).Assembly;

    [Fact]
    public void Every_test_that_starts_a_process_carries_the_process_trait()
    {
        var untagged = ProcessStarts.Tests(Tests).Where(t => !ProcessStarts.HasTrait(t)).Select(Name).Order(StringComparer.Ordinal).ToList();

        Assert.True(untagged.Count == 0,
            "These tests start a process but lack [Trait(\"Category\", \"Process\")] (on the method or its class):\n" + string.Join('\n', untagged));
    }

    [Fact]
    public void The_walk_follows_helpers_async_methods_lambdas_and_fixtures()
    {
        // Through a helper, an async method and a lambda: found. A method that starts nothing: not.
        Assert.True(ProcessStarts.Reaches(Method(nameof(Samples.StartsThroughAnAsyncLambda))));
        Assert.True(ProcessStarts.Reaches(Method(nameof(Samples.StartsThroughAHelper))));
        Assert.False(ProcessStarts.Reaches(Method(nameof(Samples.StartsNothing))));

        // The known process tests are found: the binary (a collection fixture), Caddy (a class fixture),
        // the SMTP server (a helper), Chromium (Playwright), the bot under `dotnet` (Process.Start).
        var found = ProcessStarts.Tests(Tests).Select(t => t.DeclaringType!.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { "NativeBinaryTests", "PiBinaryTests", "CaddyProxyTests", "SmtpEndToEndTests", "AdminBrowserTests", "CommandLineTests", "KilledMidPollTests" },
            found);
        // And the in-process tests are not.
        Assert.DoesNotContain(nameof(ProcessTraitTests), found);
        Assert.DoesNotContain("PollerTests", found);
    }

    private static string Name(MethodInfo test) => $"{test.DeclaringType!.FullName}.{test.Name}";

    private static MethodInfo Method(string name) =>
        typeof(Samples).GetMethod(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;

    /// Never run: only their IL is read.
    private static class Samples
    {
        public static Task StartsThroughAnAsyncLambda() => Task.Run(async () =>
        {
            await Task.Yield();
            Helper();
        });

        public static void StartsThroughAHelper() => Helper();

        public static int StartsNothing() => Environment.ProcessorCount + 1;

        private static void Helper()
        {
            using var process = Process.Start(new ProcessStartInfo("true"));
        }
    }
}
