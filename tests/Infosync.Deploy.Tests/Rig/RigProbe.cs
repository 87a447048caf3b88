using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Infosync.Deploy.Tests.Rig;

/// <summary>What a user of the rig would look at: the app's HTTP answer, containers, files, the registry.</summary>
public sealed class RigProbe(Rig rig)
{
    private static readonly HttpClient Web = new() { Timeout = TimeSpan.FromSeconds(3) };

    public static string RunId { get; } = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A tag unique to this test run.</summary>
    public static string Tag(string name) => $"t{RunId}-{name}";

    public async Task<string> PageAsync(string environment)
    {
        try
        {
            return await Web.GetStringAsync(new Uri($"http://127.0.0.1:{rig.WebPort(environment)}/"));
        }
        catch (HttpRequestException exception)
        {
            return "unreachable: " + exception.Message;
        }
    }

    public async Task<bool> ServesAsync(string environment, string tag) =>
        (await PageAsync(environment)).Contains($"version: {tag}<", StringComparison.Ordinal);

    public async Task<string> ContainerIdAsync(string environment, string service)
    {
        var run = await ProcessRun.StartAsync("docker", ["ps", "--quiet", "--no-trunc",
            "--filter", $"label=com.docker.compose.project=infosync-{environment}",
            "--filter", $"label=com.docker.compose.service={service}"]);
        return run.StandardOutput.Trim();
    }

    public async Task<string> ContainerNameAsync(string environment, string service)
    {
        var run = await ProcessRun.StartAsync("docker", ["ps", "--format", "{{.Names}}",
            "--filter", $"label=com.docker.compose.project=infosync-{environment}",
            "--filter", $"label=com.docker.compose.service={service}"]);
        return run.StandardOutput.Trim();
    }

    public byte[] ComposeBytes(string environment) => File.ReadAllBytes(ComposePath(environment));

    public string ComposePath(string environment) => Path.Combine(rig.DeployDirectory(environment), "docker-compose.yml");

    public bool LockExists(string environment) => Directory.Exists(Path.Combine(rig.DeployDirectory(environment), ".deploy", "lock"));

    public string[] History(string environment)
    {
        var path = Path.Combine(rig.DeployDirectory(environment), ".deploy", "history.jsonl");
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }

    public async Task<IReadOnlyList<string>> RegistryTagsAsync()
    {
        using var client = RegistryClient(rig["HARBOR_USERNAME"], rig.HarborPassword);
        var json = await client.GetStringAsync(new Uri($"https://{rig.HarborHost}/v2/{rig["HARBOR_PROJECT"]}/{rig["IMAGE_NAME"]}/tags/list"));
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)];
    }

    /// <summary>The registry's HTTP status for <c>GET /v2/</c> with these credentials: 200, or 401 when it does not know them.</summary>
    public async Task<int> RegistryStatusAsync(string username, string password)
    {
        using var client = RegistryClient(username, password);
        using var response = await client.GetAsync(new Uri($"https://{rig.HarborHost}/v2/"));
        return (int)response.StatusCode;
    }

    private HttpClient RegistryClient(string username, string password)
    {
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => TrustedByRigCa(certificate),
        };
        var client = new HttpClient(handler, disposeHandler: true);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return client;
    }

    private bool TrustedByRigCa(X509Certificate2? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(X509CertificateLoader.LoadCertificateFromFile(rig["RIG_REGISTRY_CA"]));
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
