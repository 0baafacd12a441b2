using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace CoalitionBot.Tests.Codebase;

/// The feature folders of src/CoalitionBot (one namespace each) depend on each other in one
/// direction only, so a folder can be read, changed and tested without the ones above it.
public sealed class FeatureFolderTests
{
    private const string Root = "CoalitionBot";

    /// Which folders each folder may use. A folder missing here may use none.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Health"] = ["Templates", "Admin", "Summarization", "Activity", "Digest", "Ingestion", "Interactions", "Mail", "Monitoring", "Discord", "Storage", "Operations", "Markup", "Scheduling", "Security", "Configuration", "Localization"],
        ["Admin"] = ["Templates", "Summarization", "Activity", "Digest", "Ingestion", "Interactions", "Mail", "Monitoring", "Discord", "Storage", "Operations", "Markup", "Scheduling", "Security", "Configuration", "Localization"],
        ["Interactions"] = ["Activity", "Digest", "Discord", "Storage", "Operations", "Markup", "Security", "Configuration", "Localization"],
        ["Ingestion"] = ["Digest", "Monitoring", "Discord", "Storage", "Operations", "Scheduling", "Configuration", "Localization"],
        ["Activity"] = ["Digest", "Discord", "Storage", "Markup", "Localization"],
        ["Summarization"] = ["Digest", "Storage", "Operations", "Markup", "Configuration", "Localization"],
        ["Digest"] = ["Templates", "Mail", "Monitoring", "Discord", "Storage", "Operations", "Markup", "Scheduling", "Configuration", "Localization"],
        ["Mail"] = ["Storage", "Operations", "Configuration", "Localization"],
        ["Monitoring"] = ["Configuration"],
        ["Backup"] = ["Storage", "Operations", "Scheduling", "Security", "Configuration", "Localization"],
        ["Storage"] = ["Discord", "Operations", "Scheduling", "Configuration", "Localization"],
        ["Discord"] = ["Configuration"],
        ["Markup"] = ["Templates"],
        ["Templates"] = [],
        ["Operations"] = ["Localization"],
        ["Scheduling"] = [],
        ["Security"] = [],
        ["Configuration"] = [],
        ["Localization"] = [],
    };

    private static readonly Assembly Bot = typeof(Localization.Languages).Assembly;

    [Fact]
    public void Every_folder_is_listed()
    {
        var unlisted = Folders().Except(Allowed.Keys).ToList();

        Assert.True(unlisted.Count == 0, $"New folders need a line in Allowed: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void Folders_use_only_the_folders_they_are_allowed_to()
    {
        var edges = Edges();

        var forbidden = edges.Where(e => !Allowed.GetValueOrDefault(e.From, []).Contains(e.To)).Select(e => $"{e.From} -> {e.To} ({e.Because})").ToList();

        Assert.True(forbidden.Count == 0, "Not allowed:\n" + string.Join("\n", forbidden));
    }

    [Fact]
    public void No_two_folders_depend_on_each_other_even_indirectly()
    {
        var graph = Edges().GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList());

        var cycle = FindCycle(graph);

        Assert.True(cycle is null, "Cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void The_allowed_directions_have_no_cycle()
    {
        var cycle = FindCycle(Allowed.ToDictionary(p => p.Key, p => p.Value.ToList()));

        Assert.Null(cycle);
    }

    [Fact]
    public void No_service_takes_more_than_seven_dependencies()
    {
        var crowded = Bot.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace?.StartsWith(Root + ".", StringComparison.Ordinal) == true)
            .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !IsRecord(t) && !typeof(Exception).IsAssignableFrom(t))
            .SelectMany(t => t.GetConstructors().Select(c => (Type: t, Parameters: c.GetParameters().Length)))
            .Where(c => c.Parameters > 7)
            .Select(c => $"{c.Type.FullName}: {c.Parameters}")
            .ToList();

        Assert.True(crowded.Count == 0, "Too many constructor parameters:\n" + string.Join("\n", crowded));
    }

    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null;

    private static IEnumerable<string> Folders() =>
        Bot.GetTypes().Select(t => Folder(t.Namespace)).OfType<string>().Distinct();

    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;

    private static List<(string From, string To, string Because)> Edges()
    {
        var folders = Folders().ToList();
        var types = Types.InAssembly(Bot);
        List<(string, string, string)> edges = [];
        foreach (var from in folders)
        {
            foreach (var to in folders.Where(f => f != from))
            {
                var result = types.That().ResideInNamespace($"{Root}.{from}")
                    .ShouldNot().HaveDependencyOnAny($"{Root}.{to}")
                    .GetResult();
                if (!result.IsSuccessful)
                {
                    edges.Add((from, to, string.Join(", ", result.FailingTypes.Select(t => t.Name).Distinct().Take(4))));
                }
            }
        }

        return edges;
    }

    private static List<string>? FindCycle(Dictionary<string, List<string>> graph)
    {
        var state = new Dictionary<string, int>();
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(next) == 1)
                {
                    return [.. path.SkipWhile(n => n != next), next];
                }

                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }
}
