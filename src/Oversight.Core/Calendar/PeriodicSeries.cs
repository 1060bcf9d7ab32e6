using System.Globalization;

namespace Oversight.Calendar;

/// <summary>
/// One coordinate of a lunar or planetary theory (ELP/MPP02, VSOP87): Σₙ xⁿ Σᵢ Aᵢ sin(p₀ + p₁x + … + p₄x⁴), with
/// x the time in the theory's unit. The terms come from a data file embedded from <c>Data/</c>.
/// </summary>
internal sealed class PeriodicSeries
{
    private const int PhaseCoefficients = 5;

    private readonly int[] powers;
    private readonly double[] amplitudes;

    /// <summary>p₀..p₄ of each term, one after another.</summary>
    private readonly double[] phases;

    private PeriodicSeries(int[] powers, double[] amplitudes, double[] phases) =>
        (this.powers, this.amplitudes, this.phases) = (powers, amplitudes, phases);

    public double ValueAt(double x)
    {
        Span<double> byPower = stackalloc double[powers[^1] + 1];
        for (var i = 0; i < amplitudes.Length; i++)
        {
            var p = i * PhaseCoefficients;
            var phase = phases[p] + x * (phases[p + 1] + x * (phases[p + 2] + x * (phases[p + 3] + x * phases[p + 4])));
            byPower[powers[i]] += amplitudes[i] * Math.Sin(phase);
        }

        var value = 0.0;
        for (var n = byPower.Length - 1; n >= 0; n--)
        {
            value = value * x + byPower[n];
        }

        return value;
    }

    /// <summary>
    /// The series of an embedded data file by name. Each line that is not a comment (<c>#</c>) is one term:
    /// the series' name, the power n, the amplitude and p₀, p₁ and up to p₄; lines are in order of n within a series.
    /// </summary>
    public static IReadOnlyDictionary<string, PeriodicSeries> Load(string resource)
    {
        using var stream = typeof(PeriodicSeries).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} is missing.");
        using var reader = new StreamReader(stream);
        var terms = new Dictionary<string, (List<int> Powers, List<double> Amplitudes, List<double> Phases)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ');
            if (!terms.TryGetValue(fields[0], out var series))
            {
                terms[fields[0]] = series = ([], [], []);
            }

            series.Powers.Add(int.Parse(fields[1], CultureInfo.InvariantCulture));
            series.Amplitudes.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
            var phase = fields[3..].Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToList();
            series.Phases.AddRange(phase.Concat(Enumerable.Repeat(0.0, PhaseCoefficients - phase.Count)));
        }

        return terms.ToDictionary(t => t.Key, t => new PeriodicSeries([.. t.Value.Powers], [.. t.Value.Amplitudes], [.. t.Value.Phases]));
    }
}
