namespace Infosync.Deploy.Tests.Rig;

/// <summary>Images of the app's repository that misbehave, built and pushed with the tool's own PushImage task.</summary>
public static class VariantImages
{
    /// <summary>Stops at once with exit code 3.</summary>
    public const string ExitsAtStart = "FROM infosync-base:busybox\nCMD [\"sh\", \"-c\", \"echo starting; echo fatal: no config >&2; exit 3\"]\n";

    /// <summary>Serves the page but its HEALTHCHECK always fails.</summary>
    public const string NeverHealthy =
        "FROM infosync-base:busybox\nRUN mkdir -p /www && echo sick > /www/index.html\n" +
        "HEALTHCHECK --interval=1s --timeout=1s --retries=2 CMD false\n" +
        "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait\"]\n";

    /// <summary>A healthy app with a HEALTHCHECK that passes.</summary>
    public static string Healthy(string tag) =>
        "FROM infosync-base:busybox\n" +
        $"RUN mkdir -p /www && echo '<p>version: {tag}</p>' > /www/index.html\n" +
        "HEALTHCHECK --interval=1s --timeout=1s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1\n" +
        "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait\"]\n";

    /// <summary>Prints its environment to its log, then stops with exit code 4: its log must not reach the output raw.</summary>
    public const string PrintsEnvironmentAndExits = "FROM infosync-base:busybox\nCMD [\"sh\", \"-c\", \"env; echo fatal: see above >&2; exit 4\"]\n";

    /// <summary>
    /// A healthy app published as <paramref name="tag"/> whose page says <paramref name="version"/>, for images that
    /// share one tag; the page also names the tag, as reset-env.sh expects of the app.
    /// </summary>
    public static string Serving(string tag, string version) =>
        "FROM infosync-base:busybox\n" +
        $"RUN mkdir -p /www && echo '<h1>infosync {tag}</h1><p>version: {version}</p>' > /www/index.html\n" +
        "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait\"]\n";

    /// <summary>The example app with a 100 MB layer of random bytes, so that pulling and pushing it take a while.</summary>
    public static string Large(string tag) =>
        "FROM infosync-base:busybox\nCOPY blob /blob\n" +
        $"RUN mkdir -p /www && echo '<p>version: {tag}</p>' > /www/index.html\n" +
        "CMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; httpd -f -p 8080 -h /www & wait\"]\n";

    private static readonly HashSet<string> Published = [];

    /// <summary>Publishes the variant the first time a test of this run asks for <paramref name="tag"/>.</summary>
    public static async Task PublishOnceAsync(Rig rig, string tag, string dockerfile)
    {
        if (Published.Add(tag))
        {
            await PublishAsync(rig, tag, dockerfile);
        }
    }

    public static async Task PublishAsync(Rig rig, string tag, string dockerfile)
    {
        var context = await WriteContextAsync(dockerfile);
        try
        {
            var variables = rig.DeployVariables();
            variables["BUILD_CONTEXT"] = context.FullName;
            var run = await BuildScript.RunAsync(variables, "--target=PushImage", $"--image-tag={tag}");
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException("Publishing a variant image failed: " + run.Output);
            }
        }
        finally
        {
            context.Delete(recursive: true);
        }
    }

    /// <summary>A build context holding the Dockerfile and, when it copies one, a random 100 MB blob.</summary>
    public static async Task<DirectoryInfo> WriteContextAsync(string dockerfile)
    {
        var context = Directory.CreateTempSubdirectory("infosync-variant-");
        await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), dockerfile);
        if (dockerfile.Contains("COPY blob", StringComparison.Ordinal))
        {
            await using var blob = File.Create(Path.Combine(context.FullName, "blob"));
            var buffer = new byte[1024 * 1024];
            for (var i = 0; i < 100; i++)
            {
                System.Security.Cryptography.RandomNumberGenerator.Fill(buffer);
                await blob.WriteAsync(buffer);
            }
        }

        return context;
    }
}
