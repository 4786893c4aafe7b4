using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AgentSpec.Runtime.Benchmarks;

/// <summary>A server process under test (the runtime or the hello app) on a fixed loopback port.</summary>
public sealed class Target : IDisposable
{
    private readonly Process _process;

    private Target(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static Target Start(string executable, IEnumerable<string> args, IDictionary<string, string> env, int port)
    {
        var info = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {executable}");
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return new Target(process, port);
    }

    /// <summary>Polls <c>/healthz</c> every 5 ms until it answers 200; returns the elapsed time since <paramref name="started"/>.</summary>
    public async Task<TimeSpan> WaitHealthyAsync(HttpClient client, Stopwatch started, TimeSpan bound)
    {
        while (started.Elapsed < bound)
        {
            try
            {
                using var response = await client.GetAsync($"http://127.0.0.1:{Port}/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return started.Elapsed;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"no 200 on /healthz within {bound}");
    }

    public long ResidentBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
