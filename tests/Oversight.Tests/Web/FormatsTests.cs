using System.Globalization;
using Oversight.Text;

namespace Oversight.Tests.Web;

public sealed class FormatsTests
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");
    private static readonly CultureInfo English = new("en-GB");

    [Fact]
    public void Dates_read_19_07_2024_in_Vietnamese_and_19_Jul_2024_in_English()
    {
        Assert.Equal("19/07/2024", Formats.Date(new DateOnly(2024, 7, 19), Vietnamese));
        Assert.Equal("19 Jul 2024", Formats.Date(new DateOnly(2024, 7, 19), English));
        Assert.Equal("1 Sep 2025", Formats.Date(new DateOnly(2025, 9, 1), English));
    }

    [Fact]
    public void Numbers_and_percentages_use_the_cultures_separators()
    {
        Assert.Equal("81,8%", Formats.Percent(18m / 22m, Vietnamese));
        Assert.Equal("81.8%", Formats.Percent(18m / 22m, English));
        Assert.Equal("11.300", Formats.Number(11_300, Vietnamese));
        Assert.Equal("11,300", Formats.Number(11_300, English));
    }

    [Fact]
    public void Moments_are_shown_in_Vietnam_time()
    {
        var moment = new DateTimeOffset(2024, 7, 18, 20, 30, 0, TimeSpan.Zero);

        Assert.Equal("19/07/2024 03:30", Formats.DateTime(moment, Vietnamese));
        Assert.Equal("19 Jul 2024 03:30", Formats.DateTime(moment, English));
    }

    [Theory]
    [InlineData("2024-07-19", true)]
    [InlineData(" 2024-07-19 ", true)]
    [InlineData("19/07/2024", false)]
    [InlineData("2024-02-30", false)]
    [InlineData(null, false)]
    public void Iso_dates_are_the_only_dates_addresses_take(string? text, bool valid)
    {
        Assert.Equal(valid, IsoDate.TryParse(text, out var date));
        if (valid)
        {
            Assert.Equal("2024-07-19", IsoDate.Format(date));
        }
    }
}
