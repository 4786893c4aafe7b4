using System.Runtime.InteropServices;
using AgentSpec.Runtime.Hosting;
using AgentSpec.RuntimeModel;

namespace AgentSpec.Runtime.Cli;

/// <summary><c>agentspec run</c>: the startup sequence of spec §1.5 and the signal handling of §1.6.</summary>
public static partial class RunCommand
{
    [LibraryImport("libc", SetLastError = true)]
    private static partial int setsid();

    public static async Task<int> RunAsync(string[] args, TextWriter stderr)
    {
        var options = RunOptions.Parse(args);
        if (options.Config is null && options.Source is null) throw new UsageException("run: give a source (file.ias or directory) or --config config.json");
        var configText = options.Config is null ? null : ReadConfig(options.Config);
        var isDocument = configText is not null && RuntimeDocumentSerializer.IsRuntimeDocument(configText);
        if (isDocument && options.Source is not null) throw new UsageException("run: --config with a runtime document takes no source argument");
        if (isDocument && (options.Deploy is not null || options.Environment is not null || options.Watch))
        {
            throw new UsageException("run --config: --deploy, --env and --watch apply to source mode only");
        }
        if (!isDocument && options.Source is null) throw new UsageException("run: a config-params file (--config) needs a source argument");
        if (options.Detached && !OperatingSystem.IsWindows()) _ = setsid();
        var logWriter = stderr;
        StreamWriter? logFile = null;
        if (options.LogFile is not null)
        {
            try
            {
                logFile = new StreamWriter(new FileStream(options.LogFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot open log file \"{options.LogFile}\": {ex.Message}");
                return ExitCodes.Fatal;
            }
            logWriter = logFile;
        }
        try
        {
            return await ServeAsync(options, isDocument ? configText : null, logWriter, stderr).ConfigureAwait(false);
        }
        finally
        {
            if (logFile is not null) await logFile.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> ServeAsync(RunOptions options, string? documentText, TextWriter logWriter, TextWriter stderr)
    {
        RuntimeServer server;
        try
        {
            RuntimeDocument document;
            string baseDirectory;
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> configParams = new Dictionary<string, IReadOnlyDictionary<string, string>>();
            if (documentText is not null)
            {
                document = RuntimeDocumentSerializer.Deserialize(documentText, options.Config ?? "config");
                baseDirectory = Path.GetDirectoryName(Path.GetFullPath(options.Config ?? ".")) ?? Environment.CurrentDirectory;
            }
            else
            {
                var source = SourceLoader.Load(options.Source ?? ".", options.Environment, options.Deploy, stderr);
                if (source is null) return ExitCodes.InvalidConfiguration;
                (document, baseDirectory) = source.Value;
                if (options.Config is { } paramsFile) configParams = ConfigParamsFile.Read(paramsFile);
            }
            server = RuntimeServer.Create(new RuntimeServerOptions
            {
                Document = document,
                Environment = Configuration.RuntimeEnvironment.FromProcess(),
                Host = options.Host,
                Port = options.Port,
                RequireAuth = options.RequireAuth,
                CorsOrigins = options.CorsOrigins,
                LogWriter = logWriter,
                BaseDirectory = baseDirectory,
                ConfigParams = configParams,
                TlsCertificate = options.TlsCert,
                TlsKey = options.TlsKey,
            });
        }
        catch (Exception ex) when (ex is RuntimeDocumentException or ConfigurationException)
        {
            stderr.WriteLine($"error: {ex.Message}");
            return ExitCodes.InvalidConfiguration;
        }
        await using (server.ConfigureAwait(false))
        {
            try
            {
                await server.StartAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException
                or System.Security.Cryptography.CryptographicException)
            {
                server.Log.Error("cannot listen", new Logging.LogField("error", ex.Message));
                return ExitCodes.Fatal;
            }
            var exitCode = ExitCodes.Ok;
            using var sourceWatcher = options.Watch && options.Source is { } sourcePath
                ? new SourceWatcher(SourceDirectory(sourcePath), server, diagnostics => SourceLoader.Load(sourcePath, options.Environment, options.Deploy, diagnostics))
                : null;
            using var watcher = options.WatchHealth is { } watchPath
                ? new SelfHealthWatcher(new Uri($"http://{LocalHost(options.Host)}:{server.Port}{(watchPath.StartsWith('/') ? watchPath : "/" + watchPath)}"),
                    options.WatchInterval, options.WatchTimeout, server.Log)
                : null;
            var signals = 0;
            void OnSignal(PosixSignalContext context, int immediateCode)
            {
                context.Cancel = true;
                if (Interlocked.Increment(ref signals) > 1)
                {
                    logWriter.Flush();
                    Environment.Exit(immediateCode);
                }
                _ = server.ShutdownAsync();
            }
            using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => OnSignal(c, ExitCodes.SecondSigterm));
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => OnSignal(c, ExitCodes.SecondSigint));
            using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, c => OnSignal(c, ExitCodes.SecondSigterm));
            using var stopPoll = options.StopFile is { } stopFile
                ? new Timer(_ =>
                {
                    if (File.Exists(stopFile) && Interlocked.Increment(ref signals) == 1) _ = server.ShutdownAsync();
                }, null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500))
                : null;
            await server.Completion.ConfigureAwait(false);
            return exitCode;
        }
    }

    private static string SourceDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? Environment.CurrentDirectory;
    }

    private static string LocalHost(string? host) => host switch
    {
        null or "0.0.0.0" or "::" => "127.0.0.1",
        "localhost" => "localhost",
        _ when host.Contains(':') => $"[{host}]",
        _ => host,
    };

    private static string ReadConfig(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"cannot read \"{path}\": {ex.Message}");
        }
    }
}
