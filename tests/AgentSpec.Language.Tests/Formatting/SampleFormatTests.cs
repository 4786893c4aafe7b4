using AgentSpec.Tests.Infrastructure;

namespace AgentSpec.Tests.Formatting;

/// <summary>Formatted output of the samples under Samples/format, compared with committed baselines.</summary>
public sealed class SampleFormatTests
{
    public static TheoryData<string> Samples
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var path in Directory.GetFiles(Path.Combine(RepositoryPaths.Samples, "format"), "*.ias").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(path));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_formats_to_its_baseline(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, "format", name));

        var formatted = FormatAssertions.FormatsCanonically(text, name);

        Baseline.Match(Path.Combine("format", name), formatted);
    }
}
