using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Cli;

/// <summary>
/// Source mode (spec §1.1): the module's language front end (parse, imports, validation, environment overlay, deploy
/// selection) and the runtime document builder, so that <c>run x.ias</c> serves exactly what the engine would export.
/// </summary>
public static class SourceLoader
{
    /// <summary>The document and the spec directory, or null after printing the diagnostics (exit 3).</summary>
    public static (RuntimeDocument Document, string BaseDirectory)? Load(string path, string? environment, string? deploy, TextWriter stderr)
    {
        ResolvedDeployment resolved;
        try
        {
            resolved = SpecResolver.Resolve(path, environment, deploy);
        }
        catch (FileNotFoundException ex)
        {
            throw new UsageException($"run: {ex.Message}");
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new UsageException($"run: {ex.Message}");
        }
        catch (AmbiguousRootException ex)
        {
            throw new UsageException($"run: {ex.Message}");
        }
        // Policies are a deployment concern and are not evaluated by run (spec §1.1): their violations do not stop it.
        var policyFindings = resolved.PolicyResults.SelectMany(p => p.Violations).ToHashSet();
        var errors = resolved.Diagnostics.Where(d => d.IsError && !policyFindings.Contains(d)).ToList();
        if (errors.Count > 0)
        {
            foreach (var diagnostic in resolved.Diagnostics.Where(d => !policyFindings.Contains(d))) stderr.WriteLine(diagnostic.ToString());
            return null;
        }
        var unit = resolved.Units.FirstOrDefault(u => u.Deploy == resolved.Target) ?? resolved.Units.FirstOrDefault();
        if (unit is null)
        {
            stderr.WriteLine("error: the specification has no deploy to serve");
            return null;
        }
        var full = Path.GetFullPath(path);
        var directory = Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? Environment.CurrentDirectory;
        return (RuntimeDocumentBuilder.Build(unit.Configuration), directory);
    }
}
