using System.Globalization;
using System.Text.Json.Nodes;

namespace CoalitionBot.Tests.Support;

/// Discord's REST answers, shaped as its API sends them (every field the OpenAPI description
/// requires, with Discord's null/empty conventions), so the client is tested against the real shape.
/// The interactions Discord posts to us are in Payloads.cs: one builder, two files.
public static partial class Payloads
{
    public static string Id(ulong id) => id.ToString(CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    public static JsonObject User(FakeUser user) => new JsonObject
    {
        ["id"] = Id(user.Id),
        ["username"] = user.Username,
        ["avatar"] = null,
        ["discriminator"] = "0",
        ["public_flags"] = 0,
        ["flags"] = 0,
        ["bot"] = user.Bot ? true : null,
        ["banner"] = null,
        ["accent_color"] = null,
        ["global_name"] = user.GlobalName,
        ["avatar_decoration_data"] = null,
        ["collectibles"] = null,
        ["primary_guild"] = null,
    }.WithoutNulls("bot");

    /// Get Guild Member, as Discord answers it; <paramref name="roles"/> are the member's role ids.
    public static JsonObject Member(FakeUser user, IEnumerable<ulong>? roles = null) => new()
    {
        ["avatar"] = null,
        ["banner"] = null,
        ["communication_disabled_until"] = null,
        ["flags"] = 0,
        ["joined_at"] = "2025-01-12T09:30:00.000000+00:00",
        ["nick"] = user.Nick,
        ["pending"] = false,
        ["premium_since"] = null,
        ["roles"] = new JsonArray([.. (roles ?? []).Select(role => (JsonNode)Id(role))]),
        ["user"] = User(user),
        ["mute"] = false,
        ["deaf"] = false,
    };

    /// Get Guild, as Discord answers it (without with_counts), for a server with these roles.
    public static JsonObject Guild(ulong id, string name, IEnumerable<JsonNode> roles, ulong ownerId = 1) => new()
    {
        ["id"] = Id(id),
        ["name"] = name,
        ["icon"] = null,
        ["description"] = null,
        ["home_header"] = null,
        ["splash"] = null,
        ["discovery_splash"] = null,
        ["features"] = new JsonArray(),
        ["banner"] = null,
        ["owner_id"] = Id(ownerId),
        ["application_id"] = null,
        ["region"] = "deprecated",
        ["afk_channel_id"] = null,
        ["afk_timeout"] = 300,
        ["system_channel_id"] = null,
        ["system_channel_flags"] = 0,
        ["widget_enabled"] = false,
        ["widget_channel_id"] = null,
        ["verification_level"] = 1,
        ["roles"] = new JsonArray([.. roles]),
        ["default_message_notifications"] = 1,
        ["mfa_level"] = 0,
        ["explicit_content_filter"] = 2,
        ["max_presences"] = null,
        ["max_members"] = 25000000,
        ["max_stage_video_channel_users"] = 50,
        ["max_video_channel_users"] = 25,
        ["vanity_url_code"] = null,
        ["premium_tier"] = 0,
        ["premium_subscription_count"] = 0,
        ["preferred_locale"] = "fr",
        ["rules_channel_id"] = null,
        ["safety_alerts_channel_id"] = null,
        ["public_updates_channel_id"] = null,
        ["premium_progress_bar_enabled"] = false,
        ["nsfw"] = false,
        ["nsfw_level"] = 0,
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["incidents_data"] = null,
    };

    public static JsonObject Role(ulong id, string name, int position, ulong permissions = 1071698660929) => new()
    {
        ["id"] = Id(id),
        ["name"] = name,
        ["permissions"] = permissions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["position"] = position,
        ["color"] = 0,
        ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
        ["hoist"] = false,
        ["managed"] = false,
        ["mentionable"] = true,
        ["icon"] = null,
        ["unicode_emoji"] = null,
        ["flags"] = 0,
    };

    public static JsonObject Channel(FakeChannel channel, ulong guildId)
    {
        var json = new JsonObject
        {
            ["id"] = Id(channel.Id),
            ["type"] = channel.Type,
            ["flags"] = 0,
            ["guild_id"] = Id(guildId),
            ["name"] = channel.Name,
            ["parent_id"] = channel.ParentId is { } parent ? Id(parent) : null,
            ["position"] = channel.Position,
            ["permission_overwrites"] = new JsonArray([.. channel.Overwrites.Select(o => (JsonNode)new JsonObject
            {
                ["id"] = Id(o.Id),
                ["type"] = 0,
                ["allow"] = o.Allow.ToString(CultureInfo.InvariantCulture),
                ["deny"] = o.Deny.ToString(CultureInfo.InvariantCulture),
            })]),
        };
        if (channel.Type != 4)
        {
            json["last_message_id"] = channel.LastMessageId is { } last ? Id(last) : null;
            json["rate_limit_per_user"] = 0;
            json["nsfw"] = false;
        }

        if (channel.Type is 0 or 5)
        {
            json["topic"] = null;
            json["last_pin_timestamp"] = null;
        }

        if (channel.Type is 2 or 13)
        {
            // Voice and stage channels: their text chat has messages like a text channel's.
            json["bitrate"] = 64000;
            json["user_limit"] = 0;
            json["rtc_region"] = null;
            if (channel.Type == 2)
            {
                json["video_quality_mode"] = 1;
            }
        }

        if (channel.Type is 15 or 16)
        {
            json["topic"] = null;
            json["available_tags"] = new JsonArray();
            json["default_reaction_emoji"] = null;
            json["default_sort_order"] = null;
            json["default_forum_layout"] = 0;
            json["default_tag_setting"] = null;
        }

        return json;
    }

    public static JsonObject Thread(FakeChannel thread, ulong guildId) => new()
    {
        ["id"] = Id(thread.Id),
        ["type"] = thread.Type,
        ["last_message_id"] = thread.LastMessageId is { } last ? Id(last) : null,
        ["flags"] = 0,
        ["guild_id"] = Id(guildId),
        ["name"] = thread.Name,
        ["parent_id"] = Id(thread.ParentId!.Value),
        ["rate_limit_per_user"] = 0,
        ["owner_id"] = Id(thread.OwnerId),
        ["thread_metadata"] = new JsonObject
        {
            ["archived"] = thread.ArchivedAt is not null,
            ["archive_timestamp"] = Time(thread.ArchivedAt ?? thread.CreatedAt),
            ["auto_archive_duration"] = 1440,
            ["locked"] = false,
            ["create_timestamp"] = Time(thread.CreatedAt),
        },
        ["message_count"] = thread.Messages.Count,
        ["member_count"] = 1,
        ["total_message_sent"] = thread.Messages.Count,
        ["applied_tags"] = new JsonArray(),
    };

    public static JsonObject Threads(IEnumerable<FakeChannel> threads, ulong guildId, bool hasMore = false) => new()
    {
        ["threads"] = new JsonArray([.. threads.Select(t => (JsonNode)Thread(t, guildId))]),
        ["members"] = new JsonArray(),
        ["has_more"] = hasMore,
    };

    public static JsonObject Message(FakeMessage message)
    {
        var json = new JsonObject
        {
            ["type"] = message.Type,
            ["content"] = message.Content,
            ["mentions"] = new JsonArray([.. message.Mentions.Select(u => (JsonNode)User(u))]),
            ["mention_roles"] = new JsonArray([.. message.MentionRoles.Select(r => (JsonNode)Id(r))]),
            ["attachments"] = new JsonArray([.. message.Attachments.Select(a => (JsonNode)new JsonObject
            {
                ["id"] = Id(a.Id),
                ["filename"] = a.FileName,
                ["size"] = a.Size,
                ["url"] = $"https://cdn.discordapp.com/attachments/{Id(message.ChannelId)}/{Id(a.Id)}/{a.FileName}",
                ["proxy_url"] = $"https://media.discordapp.net/attachments/{Id(message.ChannelId)}/{Id(a.Id)}/{a.FileName}",
                ["content_type"] = a.ContentType,
            })]),
            ["embeds"] = new JsonArray([.. message.Embeds.Select(e => (JsonNode)new JsonObject { ["type"] = "link", ["url"] = e.Url, ["title"] = e.Title })]),
            ["timestamp"] = Time(message.Timestamp),
            ["edited_timestamp"] = message.EditedAt is { } edited ? Time(edited) : null,
            ["flags"] = message.Flags,
            ["components"] = new JsonArray(),
            ["id"] = Id(message.Id),
            ["channel_id"] = Id(message.ChannelId),
            ["author"] = User(message.Author),
            ["pinned"] = false,
            ["mention_everyone"] = false,
            ["tts"] = false,
        };
        if (message.ReplyTo is { } reply)
        {
            json["message_reference"] = new JsonObject { ["type"] = 0, ["channel_id"] = Id(message.ChannelId), ["message_id"] = Id(reply) };
        }

        if (message.Reactions.Count > 0)
        {
            json["reactions"] = new JsonArray([.. message.Reactions.Select(r => (JsonNode)new JsonObject
            {
                ["emoji"] = new JsonObject { ["id"] = null, ["name"] = r.Emoji },
                ["count"] = r.Count,
                ["count_details"] = new JsonObject { ["burst"] = 0, ["normal"] = r.Count },
                ["burst_colors"] = new JsonArray(),
                ["me_burst"] = false,
                ["me"] = false,
            })]);
        }

        if (message.WebhookId is { } webhook)
        {
            json["webhook_id"] = Id(webhook);
        }

        return json;
    }

    public static JsonObject Error(int code, string message) => new() { ["message"] = message, ["code"] = code };

    public static JsonObject GuildChannel(string id, string name, int type, int position, string? parentId = null) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["last_message_id"] = null,
        ["flags"] = 0,
        ["guild_id"] = Payloads.GuildId,
        ["name"] = name,
        ["parent_id"] = parentId,
        ["rate_limit_per_user"] = 0,
        ["topic"] = null,
        ["position"] = position,
        ["permission_overwrites"] = new JsonArray(),
        ["nsfw"] = false,
    };

    public static JsonObject EditedMessage() => new()
    {
        ["id"] = "1417203399200000000",
        ["type"] = 20,
        ["content"] = "",
        ["channel_id"] = Payloads.InvokingChannelId,
        ["author"] = new JsonObject { ["id"] = Payloads.ApplicationId, ["username"] = "CoalitionBot", ["discriminator"] = "0", ["avatar"] = null, ["public_flags"] = 0, ["bot"] = true, ["global_name"] = null },
        ["attachments"] = new JsonArray(),
        ["embeds"] = new JsonArray(),
        ["mentions"] = new JsonArray(),
        ["mention_roles"] = new JsonArray(),
        ["pinned"] = false,
        ["mention_everyone"] = false,
        ["tts"] = false,
        ["timestamp"] = "2026-11-24T08:00:00.000000+00:00",
        ["edited_timestamp"] = "2026-11-24T08:00:01.000000+00:00",
        ["flags"] = 64,
        ["components"] = new JsonArray(),
        ["webhook_id"] = Payloads.ApplicationId,
    };

    /// Discord's answer to a bulk overwrite: the commands with ids and versions.
    public static JsonArray RegisteredCommands(string requestBody, string applicationId, string guildId)
    {
        var commands = JsonNode.Parse(requestBody)!.AsArray();
        var index = 0;
        foreach (var command in commands.Select(c => c!.AsObject()))
        {
            command["id"] = $"14165000000000001{index++:00}";
            command["application_id"] = applicationId;
            command["guild_id"] = guildId;
            command["version"] = "1416500000000000999";
            command["default_member_permissions"] ??= null;
            command["type"] ??= 1;
        }

        return commands;
    }

    private static JsonObject WithoutNulls(this JsonObject json, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (json[key] is null)
            {
                json.Remove(key);
            }
        }

        return json;
    }
}
