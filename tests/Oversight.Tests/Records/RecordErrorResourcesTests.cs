using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Oversight.Records;

namespace Oversight.Tests.Petitions;

/// <summary>The case pages translate every workflow error (<c>RecordError.{Key}</c>) with the same values in it.</summary>
public sealed partial class RecordErrorResourcesTests
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Every_case_message_is_translated_with_the_same_places_for_values(string language)
    {
        // The web host's compiled resources, as the pages read them (no fallback to another language).
        var strings = new ResourceManager("Oversight.Web.Resources.Localization.Strings", typeof(Program).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false);
        Assert.NotNull(strings);

        var wrong = RecordMessages.All
            .Where(m => strings.GetString($"RecordError.{m.Key}") is not { } text || !Places(text).SetEquals(Places(m.English)))
            .Select(m => m.Key)
            .ToArray();

        Assert.True(RecordMessages.All.Count > 15, $"only {RecordMessages.All.Count} messages found");
        Assert.Empty(wrong);
    }

    private static HashSet<string> Places(string text) => Place().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Place();
}
