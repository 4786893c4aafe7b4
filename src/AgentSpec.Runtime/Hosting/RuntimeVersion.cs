using System.Reflection;
using System.Runtime.InteropServices;

namespace AgentSpec.Runtime.Hosting;

/// <summary>The runtime's semver and runtime identifier.</summary>
public static class RuntimeVersion
{
    public static string Version { get; } = Read();

    public static string Rid => RuntimeInformation.RuntimeIdentifier;

    private static string Read()
    {
        var info = typeof(RuntimeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = info.IndexOf('+');
        return plus >= 0 ? info[..plus] : info;
    }
}
