namespace CoalitionBot.Benchmarks.Tools;

internal static class ReportWriter
{
    public static int Run(string[] args) => args.Length;
}
