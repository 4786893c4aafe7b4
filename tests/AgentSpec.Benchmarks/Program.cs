using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentSpec;
using AgentSpec.Benchmarks;
using AgentSpec.Parsing;

// usage: dotnet run -c Release --project tests/AgentSpec.Benchmarks [-- --iterations N]
// Inputs come from ../shared/bench/gen-large-ias.py (N agents, ~600 bytes each) and from the conformance corpus.
// Each figure is the median of N runs on one thread: MB/s on CPU time, (MB/s on wall time), bytes allocated per input byte.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var iterations = args.Length > 1 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var root = FindRoot();
var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
Console.WriteLine($"AgentSpec front-end benchmark · .NET {Environment.Version} · {Environment.ProcessorCount} cores, one thread used · " +
    $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, concurrent {AppContext.TryGetSwitch("System.GC.Concurrent", out var c) && c} · median of {iterations} runs");
Console.WriteLine("figures: MB/s on CPU time (MB/s on wall time) and allocated bytes per input byte");
Console.WriteLine();
Console.WriteLine($"{"input",-26} {"bytes",9}  {"parse",-20} {"parse+format",-20} {"format only",-12} {"parse+bind+validate",-20}");

foreach (var agents in new[] { 250, 500, 1000, 2000, 4000 })
{
    Report($"gen-large-ias.py {agents}", [Generate(shared, agents)], iterations);
}

var corpus = Directory.GetFiles(Path.Combine(shared, "corpus"), "*.ias", SearchOption.AllDirectories)
    .Order(StringComparer.Ordinal)
    .Select(File.ReadAllText)
    .ToList();
Report($"corpus ({corpus.Count} files)", corpus, iterations);
return 0;

static void Report(string name, IReadOnlyList<string> texts, int iterations)
{
    var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
    var parse = Measurement.Measure(bytes, () => Each(texts, t => SyntaxParser.Parse(t, "bench.ias")), iterations);
    var format = Measurement.Measure(bytes, () => Each(texts, t => SpecFormatter.FormatText(t, "bench.ias")), iterations);
    var load = Measurement.Measure(bytes, () => Each(texts, t => SpecLoader.LoadText(t, "bench.ias")), iterations);
    var formatOnly = 1 / (1 / format.CpuMegabytesPerSecond - 1 / parse.CpuMegabytesPerSecond);
    Console.WriteLine($"{name,-26} {bytes,9}  {parse,-20} {format,-20} {formatOnly,7:F1}      {load,-20}");
}

static void Each(IReadOnlyList<string> texts, Action<string> action)
{
    foreach (var text in texts)
    {
        action(text);
    }
}

static string Generate(string shared, int agents)
{
    var start = new ProcessStartInfo("python3", [Path.Combine(shared, "bench", "gen-large-ias.py"), agents.ToString(CultureInfo.InvariantCulture)])
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    };
    using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start python3");
    var output = process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    return output;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentSpec.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("AgentSpec.sln not found");
}
