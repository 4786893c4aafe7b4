using System.Reflection;
using System.Runtime.Loader;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// The isolated load context "AgentSpec.Engine" over the module's <c>bin/engine/</c> folder (deployment spec §1.4):
/// the engine and its third-party dependencies load from there, AgentSpec.Language and the framework from the
/// default context, so the object model stays one set of types.
/// </summary>
internal sealed class EngineLoadContext : AssemblyLoadContext
{
    public const string ContextName = "AgentSpec.Engine";
    public const string EngineAssemblyName = "AgentSpec.Engine";

    private readonly string _folder;

    public EngineLoadContext(string folder)
        : base(ContextName, isCollectible: false)
    {
        _folder = folder;
    }

    public string Folder => _folder;

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var name = assemblyName.Name;
        if (string.IsNullOrEmpty(name) || name == "AgentSpec.Language" || IsFramework(name))
        {
            return null;
        }

        var path = System.IO.Path.Combine(_folder, name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }

    private static bool IsFramework(string name) =>
        name is "mscorlib" or "netstandard" or "System.Management.Automation"
        || name.StartsWith("System.", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.", StringComparison.Ordinal);
}
