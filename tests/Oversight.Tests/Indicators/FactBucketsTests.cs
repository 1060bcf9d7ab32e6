using Oversight.Indicators;

namespace Oversight.Tests.Indicators;

public sealed class FactBucketsTests
{
    [Fact]
    public void The_buckets_of_a_period_cover_each_of_its_days_once_and_no_other()
    {
        var random = new Random(20261204);
        for (var i = 0; i < 2_000; i++)
        {
            var from = new DateOnly(2019, 1, 1).AddDays(random.Next(0, 3_000));
            var to = from.AddDays(random.Next(-3, 1_500));

            var covered = FactBuckets.Cover(from, to).SelectMany(b => Days(b.Level, b.From, b.To)).ToList();

            Assert.Equal(Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays), covered.Order());
        }
    }

    [Fact]
    public void A_period_from_the_beginning_reads_whole_years_then_months_then_days()
    {
        var buckets = FactBuckets.Cover(DateOnly.MinValue, new DateOnly(2026, 12, 4)).ToList();

        Assert.Equal(
            [(FactBuckets.Year, DateOnly.MinValue, new DateOnly(2025, 12, 31)), (FactBuckets.Month, new DateOnly(2026, 1, 1), new DateOnly(2026, 11, 30)), (FactBuckets.Day, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 4))],
            buckets);
    }

    /// <summary>The days of the buckets whose first day lies in [first, last] at a level.</summary>
    private static IEnumerable<DateOnly> Days(short level, DateOnly first, DateOnly last)
    {
        for (var start = first; start <= last; start = level == FactBuckets.Day ? start.AddDays(1) : level == FactBuckets.Month ? start.AddMonths(1) : start.AddYears(1))
        {
            Assert.Equal(start, FactBuckets.Start(level, start));
            var end = level == FactBuckets.Day ? start : level == FactBuckets.Month ? start.AddMonths(1).AddDays(-1) : start.AddYears(1).AddDays(-1);
            for (var day = start; day <= end; day = day.AddDays(1))
            {
                yield return day;
            }
        }
    }
}
