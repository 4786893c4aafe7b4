using System.Diagnostics;
using System.Text;

namespace AgentSpec.Runtime.Tools;

/// <summary>
/// Runs a tool process (spec §5.2): no shell, a given environment only, stdin = the input JSON, stdout capped at 1 MiB,
/// stderr at 64 KiB; on timeout or cancellation the whole process tree is killed.
/// </summary>
public static class ProcessRunner
{
    public const int StdoutCap = 1024 * 1024;
    private const int StderrCap = 64 * 1024;
    private const int TailCap = 4096;

    public static async Task<ToolOutcome> RunAsync(string executable, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment,
        string stdin, string? workingDirectory, TimeSpan timeout, string timeoutText, CancellationToken cancellationToken,
        long memoryLimitBytes = 0, string memoryLimitText = "")
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment.Clear();
        foreach (var (k, v) in environment) info.Environment[k] = v;

        using var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return ToolOutcome.Failure($"failed to start {Path.GetFileName(executable)}: {ex.Message}");
        }
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutCts.CancelAfter(timeout);
        var stdoutTask = ReadCappedAsync(process.StandardOutput.BaseStream, StdoutCap, () => Kill(process));
        var overLimit = false;
        using var sampler = memoryLimitBytes <= 0 ? null : new Timer(_ =>
        {
            try
            {
                if (process.HasExited || ProcessTreeMemory.ResidentBytes(process.Id) <= memoryLimitBytes) return;
                overLimit = true;
                Kill(process);
            }
            catch (InvalidOperationException)
            {
            }
        }, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        var stderrTask = ReadCappedAsync(process.StandardError.BaseStream, StderrCap, null);
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(Encoding.UTF8.GetBytes(stdin), timeoutCts.Token).ConfigureAwait(false);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process exited without reading its input; its exit status tells the rest.
        }
        catch (OperationCanceledException)
        {
        }
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return ToolOutcome.Failure($"timed out after {timeoutText}");
        }
        var (stdout, truncated) = await stdoutTask.ConfigureAwait(false);
        if (overLimit) return ToolOutcome.Failure($"memory limit {memoryLimitText} exceeded");
        var (stderr, _) = await stderrTask.ConfigureAwait(false);
        if (truncated) stdout += "\n[truncated]";
        else if (stdout.EndsWith('\n')) stdout = stdout.EndsWith("\r\n", StringComparison.Ordinal) ? stdout[..^2] : stdout[..^1];
        if (process.ExitCode == 0 || truncated) return ToolOutcome.Success(stdout);
        var detail = stderr.Trim().Length > 0 ? stderr.Trim() : stdout.Trim();
        if (detail.Length > TailCap) detail = detail[^TailCap..];
        return ToolOutcome.Failure($"exit code {process.ExitCode}: {detail}");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }

    private static async Task<(string Text, bool Truncated)> ReadCappedAsync(Stream stream, int cap, Action? onOverflow)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16384];
        var truncated = false;
        while (true)
        {
            int n;
            try
            {
                n = await stream.ReadAsync(chunk).ConfigureAwait(false);
            }
            catch (IOException)
            {
                break;
            }
            if (n == 0) break;
            var room = cap - (int)buffer.Length;
            if (n > room)
            {
                buffer.Write(chunk, 0, Math.Max(0, room));
                if (!truncated) onOverflow?.Invoke();
                truncated = true;
                continue;
            }
            buffer.Write(chunk, 0, n);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), truncated);
    }
}
