using System.Net;
using System.Text;
using System.Text.Json;
using CoalitionBot.Digest;
using CoalitionBot.Storage;
using CoalitionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CoalitionBot.Tests.Digest;

public sealed class DigestAdminApiTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TestApp App()
    {
        var app = DigestFixtures.App(DigestHarness.Local(Monday.AddDays(1), 9));
        var services = app.Services;
        services.GetRequiredService<ChannelStore>().Upsert([DigestFixtures.Channel(10, "général")]);
        services.GetRequiredService<MessageStore>().Upsert(
            [.. Enumerable.Range(0, 4).Select(i => DigestFixtures.Message(10, "bonjour " + i, hour: 9 + i, author: (ulong)i + 1, day: Monday))]);
        return app;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Posting_a_day_sends_its_digest_once()
    {
        await using var app = App();
        using var client = app.AdminClient();

        var first = await client.PostAsync("/admin/api/digests", Json("{\"date\":\"2026-11-23\",\"resend\":false}"), Token);
        var second = await client.PostAsync("/admin/api/digests?date=2026-11-23", null, Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync(Token));
        Assert.Equal("Sent", body.RootElement.GetProperty("outcome").GetString());
        Assert.Equal("digest-2026-11-23.42@coalitionbot", body.RootElement.GetProperty("messageId").GetString());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("AlreadySent", await second.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Single(app.Transport.Sent);
    }

    [Fact]
    public async Task Without_a_date_the_last_complete_day_is_sent()
    {
        await using var app = App();
        using var client = app.AdminClient();

        var response = await client.PostAsync("/admin/api/digests", null, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("digest-2026-11-23.42@coalitionbot", Assert.Single(app.Transport.Sent).MessageId);
    }

    [Fact]
    public async Task A_resend_mails_the_day_again()
    {
        await using var app = App();
        using var client = app.AdminClient();

        await client.PostAsync("/admin/api/digests", Json("{\"date\":\"2026-11-23\"}"), Token);
        var resent = await client.PostAsync("/admin/api/digests", Json("{\"date\":\"2026-11-23\",\"resend\":true}"), Token);

        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(2, app.Transport.Sent.Count);
    }

    [Theory]
    [InlineData("{\"date\":\"23/11/2026\"}", "is not a date")]
    [InlineData("{\"date\":20261123}", "\\\"date\\\" must be a string")]
    [InlineData("{\"resend\":\"yes\"}", "\\\"resend\\\" must be true or false")]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"date\":\"2026-11-24\"}", "has not ended yet")]
    [InlineData("{\"date\":\"2030-01-01\"}", "has not ended yet")]
    public async Task Bad_input_gets_400_with_a_clear_message(string body, string message)
    {
        await using var app = App();
        using var client = app.AdminClient();

        var response = await client.PostAsync("/admin/api/digests", Json(body), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Empty(app.Transport.Sent);
    }

    [Fact]
    public async Task The_records_can_be_listed_and_read_with_their_HTML_and_text()
    {
        await using var app = App();
        using var client = app.AdminClient();
        await client.PostAsync("/admin/api/digests?date=2026-11-23", null, Token);

        var list = await client.GetStringAsync("/admin/api/digests", Token);
        var one = await client.GetAsync("/admin/api/digests/2026-11-23", Token);
        var missing = await client.GetAsync("/admin/api/digests/2026-11-01", Token);
        var malformed = await client.GetAsync("/admin/api/digests/hier", Token);

        using var records = JsonDocument.Parse(list);
        Assert.Equal("2026-11-23", records.RootElement[0].GetProperty("date").GetString());
        Assert.Equal("Sent", records.RootElement[0].GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        using var detail = JsonDocument.Parse(await one.Content.ReadAsStringAsync(Token));
        Assert.StartsWith("<!DOCTYPE html>", detail.RootElement.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("bonjour 0", detail.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task The_digest_routes_need_the_admin_token()
    {
        await using var app = App();
        using var client = app.CreateClient();

        var post = await client.PostAsync("/admin/api/digests", null, Token);
        var get = await client.GetAsync("/admin/api/digests", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Empty(app.Transport.Sent);
    }

    [Fact]
    public async Task The_digest_job_fires_daily_at_the_send_time_in_the_digest_zone()
    {
        await using var app = App();
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Token);

        var triggers = await scheduler.GetTriggersOfJob(DigestJob.Key, Token);

        var daily = Assert.Single(triggers.OfType<ICronTrigger>());
        Assert.Equal("Europe/Brussels", daily.TimeZone.Id);
        Assert.Equal("0 0 7 ? * *", daily.CronExpressionString);
        Assert.Single(triggers.OfType<ISimpleTrigger>());
    }
}
