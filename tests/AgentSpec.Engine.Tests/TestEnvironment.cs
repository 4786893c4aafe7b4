using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace AgentSpec.Engine.Tests;

/// <summary>Shared set-up: the test runtime as AGENTSPEC_RUNTIME_PATH, temporary folders and free ports.</summary>
internal static class TestEnvironment
{
    public static string RepositoryRoot { get; } = FindRoot();

    [ModuleInitializer]
    internal static void Initialize()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var runtime = Path.Combine(RepositoryRoot, "tests", "AgentSpec.TestRuntime", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "agentspec.exe" : "agentspec");
        Environment.SetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH", runtime);
    }

    public static string RuntimePath => Environment.GetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH") ?? string.Empty;

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "agentspec-engine-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

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
