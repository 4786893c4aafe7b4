using System.Globalization;
using System.Text.Json;
using AgentSpec.Runtime.Benchmarks;

// Benchmarks of runtime.md §8: figures are printed, never asserted.
if (args.Length >= 1 && args[0] == "hello")
{
    var port = args.Length >= 3 && args[1] == "--port" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 8081;
    return await HelloApp.RunAsync(port);
}
var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal) && p.i + 1 < args.Length)
    .ToDictionary(p => p.a, p => args[p.i + 1]);
var baseDirectory = Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory);
var configuration = new DirectoryInfo(baseDirectory).Parent?.Name ?? "Release";
var repo = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
var runtime = options.GetValueOrDefault("--runtime")
    ?? Path.Combine(repo, "src", "AgentSpec.Runtime", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "agentspec.exe" : "agentspec");
var hello = Path.Combine(baseDirectory, OperatingSystem.IsWindows() ? "AgentSpec.Runtime.Benchmarks.exe" : "AgentSpec.Runtime.Benchmarks");
if (!File.Exists(runtime))
{
    Console.Error.WriteLine($"runtime executable not found: {runtime} (build src/AgentSpec.Runtime in {configuration} or pass --runtime PATH)");
    return 2;
}
var runner = new BenchmarkRunner(runtime, hello,
    int.Parse(options.GetValueOrDefault("--runs", "10"), CultureInfo.InvariantCulture),
    TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--seconds", "5"), CultureInfo.InvariantCulture)),
    TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("--idle", "10"), CultureInfo.InvariantCulture)),
    int.Parse(options.GetValueOrDefault("--sessions", "2000"), CultureInfo.InvariantCulture),
    int.Parse(options.GetValueOrDefault("--streams", "500"), CultureInfo.InvariantCulture));
var report = await runner.RunAsync(Console.Error);
Console.WriteLine(BenchmarkRunner.Summary(report));
Console.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
return 0;
