using System.Globalization;
using Oversight.Calendar;

namespace Oversight.Tests.Calendar;

/// <summary>
/// The new moons of 1900–2100 against an independent high-precision ephemeris: the Swiss Ephemeris with its files
/// from JPL DE431 (<c>Fixtures/new-moons.csv</c>; its source, licence and the command that made it are in
/// <c>Fixtures/README.md</c>).
/// </summary>
public sealed class NewMoonTests
{
    /// <summary>The new moons whose day in Vietnam falls in 1900–2100: lunation, instant (TT) and day (UTC+7).</summary>
    internal static readonly IReadOnlyList<(int Lunation, double Instant, DateOnly Day)> Ephemeris =
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Calendar", "Fixtures", "new-moons.csv"))
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture), DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();

    [Fact]
    public void Every_month_from_1900_to_2100_begins_on_the_day_of_the_ephemeris_new_moon()
    {
        var firstDays = Enumerable.Range(VietnameseLunarCalendar.MinDate.DayNumber, VietnameseLunarCalendar.MaxDate.DayNumber - VietnameseLunarCalendar.MinDate.DayNumber + 1)
            .Select(DateOnly.FromDayNumber)
            .Where(day => VietnameseLunarCalendar.ToLunar(day).Day == 1)
            .ToHashSet();
        var newMoons = Ephemeris.Select(n => n.Day).ToHashSet();

        Assert.Equal(2487, newMoons.Count);
        Assert.Empty(newMoons.Except(firstDays));
        Assert.Empty(firstDays.Except(newMoons));
    }

    [Fact]
    public void New_moons_are_within_two_seconds_of_the_ephemeris()
    {
        var errors = Ephemeris.Select(n => (n.Lunation, Seconds: (Astronomy.NewMoon(n.Lunation) - n.Instant) * 86400)).ToList();

        var worst = errors.MaxBy(e => Math.Abs(e.Seconds));
        Assert.True(Math.Abs(worst.Seconds) < 2, $"lunation {worst.Lunation}: {worst.Seconds:F2} s");
    }
}
