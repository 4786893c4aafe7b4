using System.Reflection;

namespace AgentSpec.Commands;

/// <summary>The module's version as the build stamps it (<c>&lt;Version&gt;</c> of Directory.Build.props).</summary>
internal static class ModuleVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ModuleVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? typeof(ModuleVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
