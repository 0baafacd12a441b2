using System.Text.Json.Nodes;

namespace CoalitionBot.Tests.Support;

/// Interaction bodies shaped as Discord sends them (see discord-spec.md §4), built as JSON. Discord's
/// REST answers are in PayloadsRest.cs: one builder, two files.
public static partial class Payloads
{
    public const string GuildId = "1300000000000000000";
    public const string ApplicationId = "1416000000000000000";
    public const string InvokingChannelId = "1300000000000000111";
    public const string InvokingChannelName = "bot-admin";
    public const string MemberId = "222222222222222222";

    /// Everything a moderator has (includes MANAGE_GUILD, 32).
    public const string ModeratorPermissions = "311385640032";

    /// A member without MANAGE_GUILD or ADMINISTRATOR.
    public const string MemberPermissions = "2248473465835073";

    public static string Ping() => """{"type":1,"id":"1417203399112230000","application_id":"1416000000000000000","token":"aW50ZXJhY3Rpb246cGluZw","version":1}""";

    public static JsonObject Command(string name, JsonArray? options = null, string permissions = ModeratorPermissions, string locale = "fr", string? guildId = GuildId, JsonObject? resolvedChannels = null, JsonObject? resolvedRoles = null)
    {
        var data = new JsonObject { ["id"] = "1416500000000000010", ["name"] = name, ["type"] = 1 };
        if (options is not null)
        {
            data["options"] = options;
        }

        if (resolvedChannels is not null || resolvedRoles is not null)
        {
            data["resolved"] = new JsonObject();
            if (resolvedChannels is not null)
            {
                data["resolved"]!["channels"] = resolvedChannels;
            }

            if (resolvedRoles is not null)
            {
                data["resolved"]!["roles"] = resolvedRoles;
            }
        }

        return Interaction(2, data, permissions, locale, guildId);
    }

    public static JsonObject Autocomplete(string name, string optionName, string typed, string locale = "fr", string? guildId = GuildId)
    {
        var data = new JsonObject
        {
            ["id"] = "1416500000000000030",
            ["name"] = name,
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = optionName, ["type"] = 3, ["value"] = typed, ["focused"] = true }),
        };
        return Interaction(4, data, ModeratorPermissions, locale, guildId);
    }

    public static JsonArray ChannelOption(string channelId) =>
        new(new JsonObject { ["name"] = "channel", ["type"] = 7, ["value"] = channelId });

    public static JsonArray BooleanOption(string name, bool value) =>
        new(new JsonObject { ["name"] = name, ["type"] = 5, ["value"] = value });

    public static JsonArray RoleOption(string roleId) =>
        new(new JsonObject { ["name"] = "role", ["type"] = 8, ["value"] = roleId });

    /// data.resolved.roles for a ROLE option, as Discord sends it.
    public static JsonObject ResolvedRole(string id, string name, string permissions = "1071698660929", int position = 1) =>
        new()
        {
            [id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["color"] = 0,
                ["colors"] = new JsonObject { ["primary_color"] = 0, ["secondary_color"] = null, ["tertiary_color"] = null },
                ["hoist"] = false,
                ["icon"] = null,
                ["unicode_emoji"] = null,
                ["position"] = position,
                ["permissions"] = permissions,
                ["managed"] = false,
                ["mentionable"] = true,
                ["flags"] = 0,
            },
        };

    public static JsonArray StringOption(string name, string value) =>
        new(new JsonObject { ["name"] = name, ["type"] = 3, ["value"] = value });

    public static JsonObject ResolvedChannel(string id, string name, int type = 0) =>
        new()
        {
            [id] = new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["type"] = type,
                ["guild_id"] = GuildId,
                ["parent_id"] = null,
                ["nsfw"] = false,
                ["flags"] = 0,
                ["permissions"] = ModeratorPermissions,
                ["app_permissions"] = "66560",
            },
        };

    public static JsonObject Interaction(int type, JsonObject? data, string permissions = ModeratorPermissions, string locale = "fr", string? guildId = GuildId)
    {
        var body = new JsonObject
        {
            ["type"] = type,
            ["version"] = 1,
            ["id"] = "1417203399112233445",
            ["application_id"] = ApplicationId,
            ["token"] = "aW50ZXJhY3Rpb246MTQxNzIwMzM5OTExMjIzMzQ0NTpFWEFNUExF",
            ["channel_id"] = InvokingChannelId,
            // The channel the command was typed in, as Discord sends it (a partial channel).
            ["channel"] = new JsonObject
            {
                ["id"] = InvokingChannelId,
                ["type"] = 0,
                ["name"] = InvokingChannelName,
                ["guild_id"] = guildId,
                ["parent_id"] = null,
                ["nsfw"] = false,
                ["flags"] = 0,
                ["last_message_id"] = null,
                ["rate_limit_per_user"] = 0,
                ["topic"] = null,
                ["position"] = 4,
                ["permissions"] = permissions,
            },
            ["app_permissions"] = "379904",
            ["locale"] = locale,
            ["entitlements"] = new JsonArray(),
            ["context"] = 0,
            ["attachment_size_limit"] = 10485760,
            ["member"] = new JsonObject
            {
                ["user"] = new JsonObject
                {
                    ["id"] = MemberId,
                    ["username"] = "camille",
                    ["global_name"] = "Camille",
                    ["discriminator"] = "0",
                    ["avatar"] = null,
                    ["public_flags"] = 0,
                },
                ["nick"] = null,
                ["roles"] = new JsonArray("1300000000000000500"),
                ["joined_at"] = "2025-01-12T09:30:00.000000+00:00",
                ["premium_since"] = null,
                ["deaf"] = false,
                ["mute"] = false,
                ["flags"] = 0,
                ["pending"] = false,
                ["permissions"] = permissions,
            },
        };
        if (guildId is not null)
        {
            body["guild_id"] = guildId;
            body["guild_locale"] = "fr";
            body["guild"] = new JsonObject { ["id"] = guildId, ["locale"] = "fr", ["features"] = new JsonArray() };
            body["authorizing_integration_owners"] = new JsonObject { ["0"] = guildId };
        }
        else
        {
            // Outside a server Discord sends the user, not a member.
            body["user"] = body["member"]!["user"]!.DeepClone();
            body.Remove("member");
            body["context"] = 1;
        }

        if (data is not null)
        {
            body["data"] = data;
        }

        return body;
    }
}
