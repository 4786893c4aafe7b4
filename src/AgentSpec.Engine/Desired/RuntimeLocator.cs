using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace AgentSpec.Engine.Desired;

/// <summary>
/// Finds the <c>agentspec</c> runtime (deployment spec §2.4, §7.1): <c>AGENTSPEC_RUNTIME_PATH</c> (the executable, or a
/// folder holding <c>&lt;rid&gt;/agentspec</c> or <c>agentspec</c>), else the module's <c>runtime/&lt;rid&gt;/agentspec</c>.
/// Version (from <c>agentspec version --json</c>) and SHA-256 are cached per path, size and modification time.
/// </summary>
public static class RuntimeLocator
{
    private static readonly ConcurrentDictionary<(string, long, DateTime), RuntimeInfo> Cache = new();

    public static string ExecutableName => OperatingSystem.IsWindows() ? "agentspec.exe" : "agentspec";

    /// <summary>The host RID: <c>linux-x64</c>, <c>linux-arm64</c>, <c>osx-arm64</c>, <c>win-x64</c>, …</summary>
    public static string HostRid
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            var arch = RuntimeInformation.OSArchitecture switch
            {
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                _ => "x64",
            };
            return $"{os}-{arch}";
        }
    }

    /// <summary>The candidate paths, in order (the first existing one wins).</summary>
    public static IReadOnlyList<string> Candidates() => Candidates(HostRid);

    /// <summary>The candidate paths of the runtime for <paramref name="rid"/> (image builds ask for <c>linux-x64</c>/<c>linux-arm64</c>).</summary>
    public static IReadOnlyList<string> Candidates(string rid)
    {
        var list = new List<string>();
        var executable = rid.StartsWith("win-", StringComparison.Ordinal) ? "agentspec.exe" : "agentspec";
        var configured = Environment.GetEnvironmentVariable("AGENTSPEC_RUNTIME_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            if (rid == HostRid)
            {
                list.Add(configured);
            }

            list.Add(Path.Combine(configured, rid, executable));
            if (rid == HostRid)
            {
                list.Add(Path.Combine(configured, executable));
            }

            return list;
        }

        var folder = Path.GetDirectoryName(typeof(RuntimeLocator).Assembly.Location);
        for (var i = 0; i < 3 && !string.IsNullOrEmpty(folder); i++)
        {
            list.Add(Path.Combine(folder, "runtime", rid, executable));
            folder = Path.GetDirectoryName(folder);
        }

        return list;
    }

    public static string? Find() => Find(HostRid);

    public static string? Find(string rid) => Candidates(rid).FirstOrDefault(File.Exists);

    /// <summary>The runtime's identity, or null when no runtime is installed.</summary>
    public static RuntimeInfo? TryDescribe() => TryDescribe(HostRid);

    /// <summary>The identity of the runtime for <paramref name="rid"/>, or null when it is not installed.</summary>
    public static RuntimeInfo? TryDescribe(string rid)
    {
        var path = Find(rid);
        if (path is null || Directory.Exists(path))
        {
            return null;
        }

        var file = new FileInfo(path);
        return Cache.GetOrAdd((file.FullName, file.Length, file.LastWriteTimeUtc), _ => Describe(file.FullName, rid));
    }

    public static AgentSpecException NotFound() => new(
        ErrorIds.RuntimeNotFound,
        AgentSpecErrorCategory.NotInstalled,
        $"The agentspec runtime was not found (looked for {string.Join(", ", Candidates())}).",
        Candidates().FirstOrDefault())
    {
        RecommendedAction = "Reinstall the AgentSpec module, or set AGENTSPEC_RUNTIME_PATH to the agentspec executable.",
    };

    private static RuntimeInfo Describe(string path, string expectedRid)
    {
        string sha;
        using (var stream = File.OpenRead(path))
        {
            sha = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var version = "unknown";
        var rid = expectedRid;
        if (expectedRid != HostRid)
        {
            // Another platform's runtime cannot be run here: its identity is its hash; the version is not known.
            return new RuntimeInfo(path, version, rid, sha);
        }

        try
        {
            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("version");
            start.ArgumentList.Add("--json");
            using var process = Process.Start(start);
            if (process is not null)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                if (process.WaitForExit(10_000) && process.ExitCode == 0 && JsonNode.Parse(output.Result) is JsonObject json)
                {
                    version = json["version"]?.GetValue<string>() ?? version;
                    rid = json["rid"]?.GetValue<string>() ?? rid;
                }
                else if (!process.HasExited)
                {
                    process.Kill();
                }
            }
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException or System.Text.Json.JsonException or InvalidOperationException)
        {
            // An unreadable version leaves "unknown"; starting the runtime reports the real problem.
        }

        return new RuntimeInfo(path, version, rid, sha);
    }
}
