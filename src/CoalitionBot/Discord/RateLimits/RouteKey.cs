using System.Text;

namespace CoalitionBot.Discord.RateLimits;

/// What Discord rate-limits a request by: the method and route template, plus the top-level
/// resource (channel, guild, or webhook id and token) whose counters are kept apart.
internal readonly record struct RouteKey(string Route, string MajorParameter, bool IsInteraction)
{
    public static RouteKey From(HttpMethod method, Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var route = new StringBuilder(method.Method);
        var major = "";
        var interaction = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (major.Length == 0 && segment is "channels" or "guilds" or "webhooks" or "interactions" && i + 1 < segments.Length)
            {
                route.Append('/').Append(segment).Append("/{id}");
                major = segments[++i];
                if (segment is "webhooks" or "interactions" && i + 1 < segments.Length)
                {
                    // The interaction token in the path belongs to the top-level resource.
                    major += "/" + segments[++i];
                    route.Append("/{token}");
                    interaction = true;
                }

                continue;
            }

            route.Append('/').Append(segment.Length > 0 && segment.All(char.IsAsciiDigit) ? "{id}" : segment);
        }

        return new RouteKey(route.ToString(), major, interaction);
    }

    public override string ToString() => Route;
}
