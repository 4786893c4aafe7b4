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
Console.WriteLine($"figures: MB/s on CPU time (MB/s on wall time) and allocated bytes per input byte; CPU time from {CpuClock.Source}");
Console.WriteLine("format only = 1 / (1/(parse+format) - 1/parse); format stage = SpecFormatter.Format timed alone on trees parsed beforehand");
Console.WriteLine();
Console.WriteLine($"{"input",-26} {"bytes",9}  {"parse",-20} {"parse+format",-20} {"format only",-12} {"format stage",-20} {"parse+bind+validate",-20}");

var inputs = new[] { 250, 500, 1000, 2000, 4000 }.Select(agents => (Agents: agents, Text: Generate(shared, agents))).ToList();

// Global warm-up on a mid-sized input, so that the first rows do not measure code still being tiered up.
var warmText = inputs[1].Text;
var warmTree = SyntaxParser.Parse(warmText, "bench.ias");
Measurement.Warm(() => SyntaxParser.Parse(warmText, "bench.ias"), TimeSpan.FromSeconds(1.5));
Measurement.Warm(() => SpecFormatter.FormatText(warmText, "bench.ias"), TimeSpan.FromSeconds(1.5));
Measurement.Warm(() => SpecFormatter.Format(warmTree), TimeSpan.FromSeconds(1.5));
Measurement.Warm(() => SpecLoader.LoadText(warmText, "bench.ias"), TimeSpan.FromSeconds(1.5));

foreach (var (agents, text) in inputs)
{
    Report($"gen-large-ias.py {agents}", [text], iterations);
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
    var trees = texts.Select(t => SyntaxParser.Parse(t, "bench.ias")).ToList();
    var stage = Measurement.Measure(bytes, () => Each(trees, t => SpecFormatter.Format(t)), iterations);
    var load = Measurement.Measure(bytes, () => Each(texts, t => SpecLoader.LoadText(t, "bench.ias")), iterations);
    var formatOnly = 1 / (1 / format.CpuMegabytesPerSecond - 1 / parse.CpuMegabytesPerSecond);
    Console.WriteLine($"{name,-26} {bytes,9}  {parse,-20} {format,-20} {formatOnly,7:F1}      {stage,-20} {load,-20}");
}

static void Each<T>(IReadOnlyList<T> texts, Action<T> action)
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
