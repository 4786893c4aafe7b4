using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentSpec.Runtime.Tests.Infrastructure;

/// <summary>The built <c>agentspec</c> executable run as a child process (killed on dispose).</summary>
public sealed class RuntimeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RuntimeProcess(Process process)
    {
        _process = process;
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "agentspec.exe" : "agentspec");

    public int Pid => _process.Id;

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public static RuntimeProcess Start(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("AGENTSPEC_", StringComparison.Ordinal) || k.EndsWith("_API_KEY", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) info.Environment[k] = v;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var rp = new RuntimeProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (rp._stderr) rp._stderr.Append(e.Data).Append('\n');
            var m = Regex.Match(e.Data, @"runtime started.*?""?port""?[=:](\d+)");
            if (m.Success) rp._port.TrySetResult(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (rp._stdout) rp._stdout.Append(e.Data).Append('\n');
        };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return rp;
    }

    /// <summary>Runs to completion (bounded) and returns the exit code.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        using var p = Start(args, env);
        var code = await p.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (code, p.Stdout, p.Stderr);
    }

    /// <summary>The port from the <c>runtime started</c> line.</summary>
    public async Task<int> WaitForPortAsync()
    {
        var done = await Task.WhenAny(_port.Task, Task.Delay(TimeSpan.FromSeconds(20)), _process.WaitForExitAsync());
        if (done != _port.Task) throw new InvalidOperationException($"runtime did not start:\n{Stderr}");
        return await _port.Task;
    }

    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        using var cts = new CancellationTokenSource(bound);
        await _process.WaitForExitAsync(cts.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Signal(string name)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        kill?.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
