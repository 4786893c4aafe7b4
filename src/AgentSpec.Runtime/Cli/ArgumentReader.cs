namespace AgentSpec.Runtime.Cli;

/// <summary>Walks command-line arguments: <c>--name value</c>, <c>--name=value</c> and flags.</summary>
public sealed class ArgumentReader
{
    private readonly string[] _args;
    private int _index;

    public ArgumentReader(string[] args, int start)
    {
        _args = args;
        _index = start;
    }

    public bool Done => _index >= _args.Length;

    /// <summary>The next argument; an option's inline <c>=value</c> is split off into <paramref name="inline"/>.</summary>
    public string Next(out string? inline)
    {
        var arg = _args[_index++];
        inline = null;
        if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 2)
        {
            inline = arg[(eq + 1)..];
            return arg[..eq];
        }
        return arg;
    }

    public string Value(string option, string? inline)
    {
        if (inline is not null) return inline;
        if (_index >= _args.Length) throw new UsageException($"{option} needs a value");
        return _args[_index++];
    }

    public int Port(string option, string? inline)
    {
        var text = Value(option, inline);
        if (!int.TryParse(text, out var port) || port < 0 || port > 65535) throw new UsageException($"{option}: invalid port \"{text}\"");
        return port;
    }
}
