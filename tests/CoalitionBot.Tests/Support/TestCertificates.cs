using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoalitionBot.Tests.Support;

/// A private CA made for one test, and server certificates it signs, written as PEM files: what a
/// self-hosted mail relay has, and what Smtp:TrustedCertificate is for.
internal sealed class TestCertificates
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private readonly X509Certificate2 authority;
    private readonly ECDsa authorityKey;

    public TestCertificates(string folder, string name = "CoalitionBot test CA")
    {
        Folder = folder;
        authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", authorityKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: true, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = TimeProvider.System.GetUtcNow();
        authority = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        AuthorityFile = Path.Combine(folder, Safe(name) + ".pem");
        File.WriteAllText(AuthorityFile, authority.ExportCertificatePem());
    }

    public string Folder { get; }

    /// The CA's certificate, PEM: the file Smtp:TrustedCertificate names.
    public string AuthorityFile { get; }

    /// A server certificate for these DNS names and IP addresses, signed by the CA: the chain's PEM file and its key's.
    public (string CertificateFile, string KeyFile) Issue(params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([ServerAuthentication], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var alternative = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternative.AddIpAddress(address);
            }
            else
            {
                alternative.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(alternative.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.Create(authority.SubjectName, X509SignatureGenerator.CreateForECDsa(authorityKey), now.AddDays(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(16));
        var stem = Path.Combine(Folder, Safe(names[0]));
        File.WriteAllText(stem + ".pem", certificate.ExportCertificatePem() + "\n" + authority.ExportCertificatePem());
        File.WriteAllText(stem + ".key", key.ExportPkcs8PrivateKeyPem());
        return (stem + ".pem", stem + ".key");
    }

    private static string Safe(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
