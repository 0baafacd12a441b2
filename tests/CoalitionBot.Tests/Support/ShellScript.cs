using System.Diagnostics;

namespace CoalitionBot.Tests.Support;

/// Runs one of the repository's shell scripts (or a tool) as a process, with extra environment
/// variables, and returns its exit code and everything it printed.
internal static class ShellScript
{
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        // No terminal: a script that would ask a question must fail instead of waiting.
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var errors = process.StandardError.ReadToEndAsync(timeout.Token);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, output + await errors);
    }

    /// A folder on PATH holding a stub <c>docker</c> that appends each call (its arguments, and the
    /// BOT_TAG line of ./.env at that moment) to <see cref="CallLog"/> and answers what the scripts ask:
    /// compose and buildx versions, an image id that follows BOT_TAG, a healthy container.
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    internal sealed class StubDocker : IDisposable
    {
        private readonly TempDirectory folder = new("coalitionbot-stub-docker-");

        public StubDocker()
        {
            var script = Path.Combine(folder.Path, "docker");
            File.WriteAllText(script, """
                #!/usr/bin/env bash
                tag=$(sed -n 's/^BOT_TAG=//p' .env 2>/dev/null | tail -n 1)
                printf '%s | tag=%s mode=%s\n' "$*" "${tag:-}" "${BOT_BUILD_MODE:-}" >> "$STUB_DOCKER_LOG"
                case "$*" in
                    "compose version"*) echo "Docker Compose version v2.40.0" ;;
                    "buildx version"*) [[ ${STUB_DOCKER_NO_BUILDX:-} == 1 ]] && exit 1; echo "github.com/docker/buildx v0.29.0" ;;
                    "image inspect"*) echo "sha256:image-of-${tag:-latest}" ;;
                    "compose ps -q bot"*) echo "0123456789ab" ;;
                    "inspect --format"*) echo "${STUB_DOCKER_HEALTH:-healthy}" ;;
                esac
                exit 0
                """.Replace("\r", "", StringComparison.Ordinal));
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            CallLog = Path.Combine(folder.Path, "calls.log");
            File.WriteAllText(CallLog, "");
        }

        public string CallLog { get; }

        /// PATH with the stub first, and where it writes its calls.
        public Dictionary<string, string?> Environment() => new()
        {
            ["PATH"] = folder.Path + ":" + System.Environment.GetEnvironmentVariable("PATH"),
            ["STUB_DOCKER_LOG"] = CallLog,
        };

        public string[] Calls() => File.ReadAllLines(CallLog);

        public void Forget() => File.WriteAllText(CallLog, "");

        public void Dispose() => folder.Dispose();
    }
}
