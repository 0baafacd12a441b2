using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CoalitionBot.Tests.Support;

/// A WireMock stand-in for an OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's
/// server): it answers POST /v1/chat/completions as told, records each request's body, and every
/// well-formed answer it gives is first checked against OpenAI's published response schema.
public sealed class ModelStandIn : IDisposable
{
    public const string Model = "qwen2.5:3b";
    public const string CompletionsPath = "/v1/chat/completions";

    private readonly ConcurrentQueue<string> requests = new();

    public WireMockServer Server { get; } = WireMockServer.Start();

    /// The full chat-completions URL, as an operator would set Summarization:Endpoint.
    public string Endpoint => Server.Url + CompletionsPath;

    /// The request bodies received, in order.
    public IReadOnlyList<string> Requests => [.. requests];

    /// The settings that point the bot at this stand-in.
    public Dictionary<string, string?> Settings(string timeout = "00:00:30") => new()
    {
        ["Summarization:Endpoint"] = Endpoint,
        ["Summarization:Model"] = Model,
        ["Summarization:Timeout"] = timeout,
    };

    /// Answers each request with a chat completion whose message is <paramref name="content"/>.
    public void Answers(string content) => Answers(_ => content);

    /// Answers with a completion built from the request (to echo the prompt, say).
    public void Answers(Func<string, string> content) =>
        Map(Response.Create().WithCallback(request => Json(200, Completion(content(Record(request))))));

    /// Answers, but only after <paramref name="delay"/>.
    public void AnswersAfter(TimeSpan delay, string content) =>
        Map(Response.Create().WithCallback(request =>
        {
            Record(request);
            return Json(200, Completion(content));
        }).WithDelay(delay));

    /// Answers with a status and an OpenAI-style error body.
    public void Fails(int status) =>
        Map(Response.Create().WithCallback(request =>
        {
            Record(request);
            return Json(status, """{"error":{"message":"model runner has unexpectedly stopped","type":"server_error"}}""");
        }));

    /// Answers 200 with a body that is not a chat completion at all (deliberately not schema-valid).
    public void AnswersGarbage(string body) =>
        Map(Response.Create().WithCallback(request =>
        {
            Record(request);
            return Json(200, body);
        }));

    /// A chat completion as the schema describes it, validated before it is served.
    public static string Completion(string content)
    {
        var json = new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N")[..12],
            ["object"] = "chat.completion",
            ["created"] = 1_764_748_800,
            ["model"] = Model,
            ["system_fingerprint"] = "fp_ollama",
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content, ["refusal"] = null },
                ["logprobs"] = null,
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 812, ["completion_tokens"] = 96, ["total_tokens"] = 908 },
        }.ToJsonString();
        OpenAiSchemas.AssertResponse(json);
        return json;
    }

    public void Dispose() => Server.Dispose();

    private void Map(IResponseBuilder response) =>
        Server.Given(Request.Create().WithPath(CompletionsPath).UsingPost()).RespondWith(response);

    private string Record(IRequestMessage request)
    {
        var body = request.Body ?? "";
        requests.Enqueue(body);
        return body;
    }

    private static ResponseMessage Json(int status, string body)
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", "application/json");
        return response;
    }
}
