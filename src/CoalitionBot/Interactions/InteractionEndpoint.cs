using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using CoalitionBot.Discord;
using CoalitionBot.Discord.Models;
using CoalitionBot.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CoalitionBot.Interactions;

/// POST /interactions: raw bytes, signature, then and only then JSON. What is refused before the
/// signature is verified is counted, not logged one line each (DESIGN.md invariant 7).
internal static class InteractionEndpoint
{
    /// Interactions are a few kilobytes; this leaves room for large resolved data and nothing more.
    public const int MaxBodyBytes = 256 * 1024;

    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    public static async Task<Results<JsonHttpResult<InteractionResponse>, UnauthorizedHttpResult, ProblemHttpResult>> HandleAsync(
        HttpContext context, SignatureVerifier verifier, InteractionRouter router, DeferredResponses deferred, Refusals refusals, ILogger<SignatureVerifier> logger, CancellationToken cancellationToken)
    {
        if (!verifier.IsConfigured)
        {
            refusals.Record(context, RefusalReason.InteractionsOff);
            return TypedResults.Problem("Discord:PublicKey is not configured, so interactions cannot be verified.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var request = context.Request;
        var timestamp = request.Headers[TimestampHeader].ToString();
        var signature = new byte[64];
        var headers = verifier.CheckHeaders(request.Headers[SignatureHeader].ToString(), timestamp, signature);
        if (headers != SignatureCheck.Valid)
        {
            refusals.Record(context, headers switch
            {
                SignatureCheck.MissingHeader => RefusalReason.MissingSignature,
                SignatureCheck.StaleTimestamp => RefusalReason.StaleTimestamp,
                _ => RefusalReason.MalformedSignature,
            });
            return TypedResults.Unauthorized();
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            refusals.Record(context, RefusalReason.BodyTooLarge);
            return TooLarge();
        }

        byte[]? body;
        try
        {
            body = await ReadBodyAsync(request.BodyReader, cancellationToken);
        }
        catch (BadHttpRequestException exception)
        {
            var tooLarge = exception.StatusCode == StatusCodes.Status413PayloadTooLarge;
            refusals.Record(context, tooLarge ? RefusalReason.BodyTooLarge : RefusalReason.BodyUnreadable);
            return tooLarge ? TooLarge() : BadRequest("The request body could not be read.");
        }

        if (body is null)
        {
            refusals.Record(context, RefusalReason.BodyTooLarge);
            return TooLarge();
        }

        if (!verifier.Verify(signature, timestamp, body))
        {
            refusals.Record(context, RefusalReason.BadSignature);
            return TypedResults.Unauthorized();
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.Interaction);
        }
        catch (JsonException exception)
        {
            Log.MalformedInteraction(logger, exception.Message);
            return BadRequest("The body is not a Discord interaction.");
        }

        if (interaction is null)
        {
            Log.MalformedInteraction(logger, "null");
            return BadRequest("The body is not a Discord interaction.");
        }

        var routed = await router.RouteAsync(interaction, cancellationToken);
        if (routed.Deferred is { } work)
        {
            // Discord must have our "thinking…" answer before we edit it.
            context.Response.OnCompleted(() =>
            {
                deferred.Enqueue(work);
                return Task.CompletedTask;
            });
        }

        return TypedResults.Json(routed.Response, DiscordJsonContext.Default.InteractionResponse);
    }

    /// Reads the whole body, or returns null as soon as it passes <see cref="MaxBodyBytes"/>.
    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The body is larger than {MaxBodyBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
