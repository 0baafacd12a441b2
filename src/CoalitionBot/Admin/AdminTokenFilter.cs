using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CoalitionBot.Admin;

/// Bearer-token check for every admin API route: constant-time comparison, 401 with no detail.
internal sealed class AdminTokenFilter(IOptions<AdminOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Token;
        if (string.IsNullOrWhiteSpace(expected))
        {
            return TypedResults.NotFound();
        }

        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        var given = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : "";
        if (!CryptographicOperations.FixedTimeEquals(Hash(given), Hash(expected.Trim())))
        {
            return TypedResults.Unauthorized();
        }

        return await next(context);
    }

    /// Hashing first makes the comparison constant-time whatever the lengths.
    private static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
