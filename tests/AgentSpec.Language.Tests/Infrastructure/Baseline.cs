using System.Text;

namespace AgentSpec.Tests.Infrastructure;

/// <summary>
/// Compares produced text with a committed baseline file. Set AGENTSPEC_UPDATE_BASELINES=1 (or run
/// <c>./build.ps1 -Task Test -UpdateBaselines</c>) to rewrite the baselines instead of comparing.
/// </summary>
public static class Baseline
{
    public static bool Updating => Environment.GetEnvironmentVariable("AGENTSPEC_UPDATE_BASELINES") == "1";

    public static void Match(string relativePath, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Baselines, relativePath);
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"baseline {relativePath} is missing; run the tests with AGENTSPEC_UPDATE_BASELINES=1 to create it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected != actual)
        {
            Assert.Fail($"baseline {relativePath} differs (AGENTSPEC_UPDATE_BASELINES=1 regenerates it):\n{FirstDifference(expected, actual)}");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"line {i + 1}\n  expected: {el}\n  actual:   {al}";
            }
        }

        return "(no line differs)";
    }
}
