using AgentSpec.Kubernetes.Tests.Fake;

namespace AgentSpec.Kubernetes.Tests;

/// <summary>Shared set-up: the repository root, temporary folders, and the seed production example.</summary>
internal static class KubernetesFixture
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The seed example, read from the shared corpus beside the repository (never copied into it).</summary>
    public static string ProductionExample => Path.Combine(RepositoryRoot, "..", "shared", "corpus", "seed", "production-best-practices.ias");

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "agentspec-k8s-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    public static FakeKind KindOf(string kind) => FakeKind.All.Single(k => k.Kind == kind);

    private static string FindRoot()
    {
        var folder = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(folder, "AgentSpec.sln")))
        {
            folder = Path.GetDirectoryName(folder) ?? throw new InvalidOperationException("repository root not found");
        }

        return folder;
    }
}
