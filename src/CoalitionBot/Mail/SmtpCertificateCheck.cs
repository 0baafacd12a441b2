using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace CoalitionBot.Mail;

/// Decides whether the SMTP server's certificate is acceptable, and if not says why in one line:
/// the system's trust store, or Smtp:TrustedCertificate for a relay with its own CA, and always
/// a name that matches Smtp:Host.
internal sealed class SmtpCertificateCheck(string host, X509Certificate2Collection trusted)
{
    /// Why the last certificate was refused; null while none was.
    public string? Problem { get; private set; }

    public static X509Certificate2Collection Load(string? path)
    {
        var certificates = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(path))
        {
            certificates.ImportFromPemFile(path.Trim());
        }

        return certificates;
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        Problem = Check(certificate, chain, errors);
        return Problem is null;
    }

    private string? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return $"The SMTP server {host} sent no certificate: connection refused.";
        }

        var server = certificate as X509Certificate2;
        using var loaded = server is null ? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()) : null;
        server ??= loaded!;
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return $"The SMTP server's certificate is for {Names(server)}, not for {host} (Smtp:Host): connection refused.";
        }

        if (errors == SslPolicyErrors.None || TrustedHere(server, chain))
        {
            return null;
        }

        var status = chain is null ? "no chain" : string.Join(", ", chain.ChainStatus.Select(s => s.Status).Distinct());
        return trusted.Count > 0
            ? $"The SMTP server's certificate for {host} is not signed by Smtp:TrustedCertificate ({status}): connection refused."
            : $"The SMTP server's certificate for {host} is not trusted ({status}): connection refused; for a relay with its own CA, set Smtp:TrustedCertificate to that CA's PEM file.";
    }

    /// Chains up to one of the configured certificates, or is one of them (a pinned self-signed relay).
    private bool TrustedHere(X509Certificate2 server, X509Chain? chain)
    {
        if (trusted.Count == 0)
        {
            return false;
        }

        if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(server.RawDataMemory.Span)))
        {
            return true;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
        // A private CA rarely publishes revocation lists; trusting it is the operator's explicit choice.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return custom.Build(server);
    }

    private static string Names(X509Certificate2 certificate)
    {
        var alternative = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        List<string> names = alternative is null
            ? [certificate.GetNameInfo(X509NameType.DnsName, forIssuer: false)]
            : alternative.EnumerateDnsNames().Concat(alternative.EnumerateIPAddresses().Select(a => a.ToString())).ToList();
        return names.Count == 0 ? "no name" : string.Join(", ", names);
    }
}
