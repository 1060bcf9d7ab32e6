using Oversight.Indicators;

namespace Oversight.Tests.Indicators;

public sealed class ReconciliationTests
{
    [Theory]
    [InlineData("81,1%", 81.1, 1, true)]
    [InlineData("81.1%", 81.1, 1, true)]
    [InlineData("49,58 %", 49.58, 2, true)]
    [InlineData("100%", 100, 0, true)]
    [InlineData("11.300", 11300, 0, false)]
    [InlineData("1.234.567", 1234567, 0, false)]
    [InlineData("1.234,5", 1234.5, 1, false)]
    [InlineData("508", 508, 0, false)]
    public void A_figure_is_read_as_a_Vietnamese_report_writes_it(string written, double value, int decimals, bool percent)
    {
        Assert.Equal(new WrittenFigure((decimal)value, decimals, percent), WrittenFigure.Parse(written));
    }

    [Theory]
    [InlineData("")]
    [InlineData("about 30")]
    [InlineData("1,2,3")]
    [InlineData("1.23.4")]
    [InlineData("%")]
    [InlineData("-5")]
    public void What_is_not_a_figure_is_not_read(string written)
    {
        Assert.Null(WrittenFigure.Parse(written));
    }

    [Fact]
    public void Eighteen_of_twenty_two_is_81_8_not_81_1()
    {
        var claim = Claim("81,1%", 18, 22);
        var indicator = IndicatorCatalog.Shipped.Find("CIT.SECRETARY-RESOLVED")!;

        var reasons = Reconciliation.Check(claim, indicator, new IndicatorValue(indicator, 18, 22));

        Assert.Equal([ClaimVerdict.Inconsistent, ClaimVerdict.Inconsistent], reasons.Select(r => r.Verdict));
        Assert.Equal("Phép tính của báo cáo sai: 18/22 = 81,8%, không phải 81,1%.", reasons[0].Vi);
        Assert.Equal("The report's arithmetic is wrong: 18/22 = 81.8%, not 81.1%.", reasons[0].En);
        Assert.Equal("Hồ sơ cho 18/22 = 81,8%, không phải 81,1%.", reasons[1].Vi);
    }

    [Fact]
    public void A_stated_rate_the_records_do_not_give_is_inconsistent_even_when_its_arithmetic_holds()
    {
        var indicator = IndicatorCatalog.Shipped.Find("CIT.LEADERS-RESOLVED")!;

        var reasons = Reconciliation.Check(Claim("75%", 108, 144), indicator, new IndicatorValue(indicator, 107, 144));

        Assert.Equal([ClaimVerdict.Consistent, ClaimVerdict.Inconsistent, ClaimVerdict.Inconsistent], reasons.Select(r => r.Verdict));
        Assert.Equal("Hồ sơ cho 107/144 = 74,3%, không phải 75%.", reasons[1].Vi);
        Assert.Equal("Báo cáo ghi 108/144, hồ sơ cho 107/144.", reasons[2].Vi);
    }

    [Fact]
    public void An_average_is_compared_at_the_decimals_written()
    {
        var indicator = IndicatorCatalog.Shipped.Find("PUB.SATISFACTION")!;
        var computed = new IndicatorValue(indicator, 1_387, 300);

        var consistent = Assert.Single(Reconciliation.Check(Claim("4,62"), indicator, computed));
        var inconsistent = Assert.Single(Reconciliation.Check(Claim("4,7"), indicator, computed));

        Assert.Equal((ClaimVerdict.Consistent, "Hồ sơ cho 1.387/300 = 4,62, đúng với 4,62."), (consistent.Verdict, consistent.Vi));
        Assert.Equal((ClaimVerdict.Inconsistent, "The records give 1,387/300 = 4.6, not 4.7."), (inconsistent.Verdict, inconsistent.En));
    }

    [Fact]
    public void A_claim_without_records_or_indicator_is_unverifiable()
    {
        var indicator = IndicatorCatalog.Shipped.Find("CIT.DIALOGUES")!;

        Assert.Equal(ClaimVerdict.Unverifiable, Assert.Single(Reconciliation.Check(Claim("45"), indicator, new IndicatorValue(indicator, 0, null))).Verdict);
        Assert.Equal(ClaimVerdict.Unverifiable, Assert.Single(Reconciliation.Check(Claim("63,3%"), null, null)).Verdict);
    }

    [Theory]
    [InlineData(ClaimComparison.MoreThan, 11_318, ClaimVerdict.Consistent)]
    [InlineData(ClaimComparison.MoreThan, 11_300, ClaimVerdict.Inconsistent)]
    [InlineData(ClaimComparison.AtLeast, 11_300, ClaimVerdict.Consistent)]
    [InlineData(ClaimComparison.Exact, 11_301, ClaimVerdict.Inconsistent)]
    public void A_count_is_compared_as_the_report_states_it(ClaimComparison comparison, long records, ClaimVerdict verdict)
    {
        var indicator = IndicatorCatalog.Shipped.Find("DIS.MEMBERS-REACHED")!;
        var claim = Claim("11.300");
        claim.Comparison = comparison;

        Assert.Equal(verdict, Assert.Single(Reconciliation.Check(claim, indicator, new IndicatorValue(indicator, records, null))).Verdict);
    }

    /// <summary>Every rate of n of d, rounded half away from zero at 0–2 decimals, is consistent; truncated, consistent or a rounding difference; two units of the last decimal away, inconsistent.</summary>
    [Fact]
    public void Rounded_truncated_and_mistyped_rates_are_told_apart()
    {
        for (var denominator = 1; denominator <= 60; denominator++)
        {
            for (var numerator = 0; numerator <= denominator; numerator++)
            {
                var exact = 100m * numerator / denominator;
                for (var decimals = 0; decimals <= 2; decimals++)
                {
                    var step = 1m / (decimal)Math.Pow(10, decimals);
                    var rounded = Math.Round(exact, decimals, MidpointRounding.AwayFromZero);
                    var truncated = Math.Truncate(exact / step) * step;
                    Assert.Equal(ClaimVerdict.Consistent, Reconciliation.Compare(new WrittenFigure(rounded, decimals, true), exact));
                    Assert.Contains(Reconciliation.Compare(new WrittenFigure(truncated, decimals, true), exact), new[] { ClaimVerdict.Consistent, ClaimVerdict.Rounding });
                    Assert.Equal(ClaimVerdict.Inconsistent, Reconciliation.Compare(new WrittenFigure(rounded + 2 * step, decimals, true), exact));
                }
            }
        }
    }

    private static ReportedFigure Claim(string written, long? numerator = null, long? denominator = null) => new()
    {
        Reference = "BC-1",
        Description = "Số liệu",
        Written = written,
        Source = "Báo cáo",
        StatedNumerator = numerator,
        StatedDenominator = denominator,
    };
}
