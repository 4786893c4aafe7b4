using System.Globalization;

namespace AgentSpec.Engine.Benchmarks;

/// <summary>The command-line options of both modes.</summary>
internal sealed class BenchmarkOptions
{
    public int Agents { get; private set; } = 1000;

    public int Iterations { get; private set; } = 9;

    public bool EveryTarget { get; private set; }

    public IReadOnlyList<int> Counts { get; private set; } = [1, 5, 10];

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--every-target")
            {
                options.EveryTarget = true;
                continue;
            }

            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--agents":
                    options.Agents = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--iterations":
                    options.Iterations = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--counts":
                    options.Counts = value.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
                    break;
                default:
                    throw new ArgumentException($"unknown option {args[i]}");
            }

            i++;
        }

        return options;
    }
}
