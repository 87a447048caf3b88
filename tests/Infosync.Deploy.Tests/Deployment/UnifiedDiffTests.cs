using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Only_the_changed_line_and_its_context_are_shown()
    {
        const string before = "services:\n  web:\n    image: r/p/n:v1\n    ports:\n      - 80\n";
        var after = before.Replace("v1", "v2", StringComparison.Ordinal);

        var diff = UnifiedDiff.Of("docker-compose.yml", before, after);

        Assert.Equal(
            "--- docker-compose.yml\n+++ docker-compose.yml\n@@ -2,3 +2,3 @@\n   web:\n-    image: r/p/n:v1\n+    image: r/p/n:v2\n     ports:\n",
            diff);
    }
}
