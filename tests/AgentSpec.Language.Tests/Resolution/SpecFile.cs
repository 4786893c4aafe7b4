namespace AgentSpec.Tests.Resolution;

/// <summary>A specification written to a fresh temporary folder (the resolver API takes paths); deleted on dispose.</summary>
public sealed class SpecFile : IDisposable
{
    private readonly string directory;

    public SpecFile(string text, string name = "spec.ias")
    {
        directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agentspec-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Path = System.IO.Path.Combine(directory, name);
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary><c>line:col CODE</c> of every diagnostic, for compact assertions.</summary>
    public static string[] Summary(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Code}").ToArray();
}
