using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>
/// A build context folder with the files of the engine's own build context (deployment spec §7.2,
/// <c>DockerBuildContext</c>): the generated Dockerfile and config.json recorded in the engine's <c>Image</c> resource,
/// and the same linux-x64 runtime executable (mode 0755). <c>docker-compose up -d --build</c> builds from it.
/// </summary>
internal static class ComposeBuildContext
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(string folder, JsonObject image, string runtimePath)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), image["dockerfile"]?.GetValue<string>()
            ?? throw new InvalidOperationException("the recorded Image has no dockerfile attribute"));
        File.WriteAllText(Path.Combine(folder, "config.json"), (image["config"]?.ToJsonString(Indented) ?? "null") + "\n");
        var runtime = Path.Combine(folder, "agentspec");
        File.Copy(runtimePath, runtime, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(runtime, File.GetUnixFileMode(runtimePath) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        return folder;
    }
}
