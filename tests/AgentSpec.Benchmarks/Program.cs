using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentSpec;
using AgentSpec.Benchmarks;
using AgentSpec.Parsing;

// usage: dotnet run -c Release --project tests/AgentSpec.Benchmarks [-- --iterations N]
// Generates inputs with ../shared/bench/gen-large-ias.py and measures parse, parse+format and parse+bind+validate
// throughput on one thread (median of N runs), then the same over the conformance corpus.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var iterations = args.Length > 1 && args[0] == "--iterations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var root = FindRoot();
var shared = Path.GetFullPath(Path.Combine(root, "..", "shared"));
Console.WriteLine($"AgentSpec front-end benchmark · .NET {Environment.Version} · {Environment.ProcessorCount} cores (one thread used) · median of {iterations} runs");
Console.WriteLine();
Console.WriteLine($"{"input",-28} {"bytes",10} {"parse MB/s",11} {"parse+format MB/s",18} {"parse+bind+validate MB/s",25}");

foreach (var agents in new[] { 500, 1000, 2000, 4000 })
{
    var text = Generate(shared, agents);
    Report($"gen-large-ias.py {agents}", text, iterations);
}

var corpus = Directory.GetFiles(Path.Combine(shared, "corpus"), "*.ias", SearchOption.AllDirectories)
    .Order(StringComparer.Ordinal)
    .Select(File.ReadAllText)
    .ToList();
ReportMany($"corpus ({corpus.Count} files)", corpus, iterations);
return 0;

static void Report(string name, string text, int iterations)
{
    var bytes = Encoding.UTF8.GetByteCount(text);
    var parse = Measurement.MegabytesPerSecond(bytes, () => SyntaxParser.Parse(text, "bench.ias"), iterations);
    var format = Measurement.MegabytesPerSecond(bytes, () => FormatOrThrow(text), iterations);
    var bind = Measurement.MegabytesPerSecond(bytes, () => SpecLoader.LoadText(text, "bench.ias"), iterations);
    Console.WriteLine($"{name,-28} {bytes,10} {parse,11:F1} {format,18:F1} {bind,25:F1}");
}

static void ReportMany(string name, IReadOnlyList<string> texts, int iterations)
{
    var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
    var parse = Measurement.MegabytesPerSecond(bytes, () => texts.ToList().ForEach(t => SyntaxParser.Parse(t, "bench.ias")), iterations);
    var format = Measurement.MegabytesPerSecond(bytes, () => texts.ToList().ForEach(t => SpecFormatter.FormatText(t, "bench.ias")), iterations);
    var bind = Measurement.MegabytesPerSecond(bytes, () => texts.ToList().ForEach(t => SpecLoader.LoadText(t, "bench.ias")), iterations);
    Console.WriteLine($"{name,-28} {bytes,10} {parse,11:F1} {format,18:F1} {bind,25:F1}");
}

static void FormatOrThrow(string text)
{
    if (!SpecFormatter.FormatText(text, "bench.ias").Success)
    {
        throw new InvalidOperationException("the benchmark input does not format");
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
