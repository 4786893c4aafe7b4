using System.Diagnostics;
using System.Globalization;
using System.Text;
using AgentSpec.Engine.Secrets;

namespace AgentSpec.Engine.Providers.Compose;

/// <summary>
/// The compose command line (deployment spec §7.3): <c>AGENTSPEC_COMPOSE_COMMAND</c>, else <c>docker compose</c> when
/// <c>docker compose version</c> succeeds, else <c>docker-compose</c> ≥ 1.27.0, which is always run with
/// <c>--compatibility</c>. Every call is <c>&lt;cmd&gt; [--compatibility] -p &lt;project&gt; -f compose.yaml …</c> in the
/// project folder, with the session environment plus <c>DOCKER_HOST</c> and the secret variables; output is captured.
/// </summary>
public sealed class ComposeCommand
{
    public static readonly Version MinimumV1 = new(1, 27, 0);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(30);

    private ComposeCommand(IReadOnlyList<string> words, bool legacy, string version)
    {
        Words = words;
        Legacy = legacy;
        Version = version;
    }

    /// <summary>The executable and its leading arguments, e.g. <c>docker compose</c>.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>docker-compose v1: needs <c>--compatibility</c>.</summary>
    public bool Legacy { get; }

    public string Version { get; }

    public override string ToString() => string.Join(' ', Words);

    /// <summary>Finds the command to use; throws <c>ComposeNotInstalled</c> when there is none (or v1 is too old).</summary>
    public static ComposeCommand Detect()
    {
        if (Environment.GetEnvironmentVariable("AGENTSPEC_COMPOSE_COMMAND") is { Length: > 0 } configured)
        {
            var words = configured.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return words.Length == 1 ? V1(words, configured) : V2(words, configured);
        }

        var plugin = TryRun(["docker", "compose", "version", "--short"]);
        if (plugin is { ExitCode: 0 })
        {
            return new ComposeCommand(["docker", "compose"], false, plugin.Output.Trim());
        }

        return V1(["docker-compose"], "docker-compose");
    }

    private static ComposeCommand V2(string[] words, string configured)
    {
        var probe = TryRun([.. words, "version", "--short"]);
        if (probe is not { ExitCode: 0 })
        {
            throw NotInstalled($"AGENTSPEC_COMPOSE_COMMAND is \"{configured}\", but \"{configured} version\" failed: {probe?.Output.Trim() ?? "not found"}.", configured);
        }

        return new ComposeCommand(words, false, probe.Output.Trim());
    }

    private static ComposeCommand V1(string[] words, string shown)
    {
        var probe = TryRun([.. words, "version", "--short"]);
        if (probe is not { ExitCode: 0 })
        {
            throw NotInstalled($"Neither \"docker compose\" (v2 plugin) nor \"{shown}\" (v1) is installed: {probe?.Output.Trim() ?? shown + " was not found on PATH"}.", shown);
        }

        var text = probe.Output.Trim().TrimStart('v');
        var numeric = new string(text.TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        if (!System.Version.TryParse(numeric, out var version) || version < MinimumV1)
        {
            throw NotInstalled($"{shown} {text} is too old; AgentSpec needs docker-compose {MinimumV1} or later, or the docker compose v2 plugin.", shown);
        }

        return new ComposeCommand(words, true, text);
    }

    /// <summary>Runs <c>&lt;cmd&gt; [--compatibility] -p project -f compose.yaml arguments</c> in <paramref name="folder"/>.</summary>
    public async Task<ComposeRun> RunAsync(string folder, string project, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment,
        Redactor redactor, CancellationToken cancellation)
    {
        var words = new List<string>(Words.Skip(1));
        if (Legacy)
        {
            words.Add("--compatibility");
        }

        words.AddRange(["-p", project, "-f", ComposeFile.FileName]);
        words.AddRange(arguments);
        var start = Start(Words[0], words, folder);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException($"{this} could not be started");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        process.WaitForExit();
        string text;
        lock (gate)
        {
            text = output.ToString();
        }

        var shown = $"{this}{(Legacy ? " --compatibility" : string.Empty)} -p {project} -f {ComposeFile.FileName} {string.Join(' ', arguments)}";
        return new ComposeRun(shown, process.ExitCode, redactor.Redact(text.TrimEnd()));

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (gate)
            {
                output.Append(line).Append('\n');
            }
        }
    }

    private static ProcessStartInfo Start(string executable, IEnumerable<string> arguments, string? folder)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        if (folder is not null)
        {
            start.WorkingDirectory = folder;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static ComposeRun? TryRun(IReadOnlyList<string> words)
    {
        try
        {
            using var process = System.Diagnostics.Process.Start(Start(words[0], words.Skip(1), null));
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(ProbeTimeout))
            {
                process.Kill(entireProcessTree: true);
                return new ComposeRun(string.Join(' ', words), -1, "no answer within " + ProbeTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s");
            }

            return new ComposeRun(string.Join(' ', words), process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static AgentSpecException NotInstalled(string message, string command) =>
        new(ErrorIds.ComposeNotInstalled, AgentSpecErrorCategory.NotInstalled, message, command)
        {
            RecommendedAction = "Install the docker compose v2 plugin or docker-compose 1.27+, or set AGENTSPEC_COMPOSE_COMMAND.",
        };
}
