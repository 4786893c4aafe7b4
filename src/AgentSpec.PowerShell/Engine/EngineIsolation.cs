using System.Management.Automation;
using System.Reflection;
using System.Runtime.Loader;

namespace AgentSpec.Commands.Engine;

/// <summary>
/// Sets up the engine's isolation when the module is imported (deployment spec §1.4): one context over
/// <c>bin/engine/</c> and a handler on the default context's <c>Resolving</c> event that answers only for
/// AgentSpec.Engine. Registered once per process (it survives <c>Import-Module -Force</c>).
/// </summary>
public sealed class EngineIsolation : IModuleAssemblyInitializer
{
    private static readonly object Gate = new();
    private static EngineLoadContext? _context;

    /// <summary>The engine's load context, created on first use when the module initializer did not run (tests).</summary>
    internal static EngineLoadContext Context
    {
        get
        {
            Register();
            return _context ?? throw new InvalidOperationException("the engine load context could not be created");
        }
    }

    public void OnImport() => Register();

    private static void Register()
    {
        lock (Gate)
        {
            if (_context is not null)
            {
                return;
            }

            var bin = System.IO.Path.GetDirectoryName(typeof(EngineIsolation).Assembly.Location) ?? AppContext.BaseDirectory;
            _context = new EngineLoadContext(System.IO.Path.Combine(bin, "engine"));
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (name.Name != EngineLoadContext.EngineAssemblyName || _context is not { } engine)
        {
            return null;
        }

        var path = System.IO.Path.Combine(engine.Folder, EngineLoadContext.EngineAssemblyName + ".dll");
        return File.Exists(path) ? engine.LoadFromAssemblyPath(path) : null;
    }
}
