using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

public sealed partial class ImportMessagesTests
{
    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Every_import_message_is_translated_with_the_same_places_for_values(string language)
    {
        var resources = Resources(language);

        var wrong = ImportMessages.All
            .Where(m => !resources.TryGetValue($"ImportError.{m.Key}", out var text) || !Places(text).SetEquals(Places(m.English)))
            .Select(m => m.Key)
            .ToArray();

        Assert.True(ImportMessages.All.Count > 30, $"only {ImportMessages.All.Count} messages found");
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public async Task Every_import_is_named_on_the_imports_page(string language)
    {
        var resources = Resources(language);
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var scope = database.SystemScope();

        var unnamed = scope.ServiceProvider.GetRequiredService<ImportCatalog>().All.Select(i => $"Imports.Kind.{i.Name}").Where(key => !resources.ContainsKey(key));

        Assert.Empty(unnamed);
    }

    [Fact]
    public void An_error_carries_its_message_key_and_the_values_that_fill_it()
    {
        var error = ImportMessages.EndBeforeStart.At("units.csv", 4, "valid_to", new DateOnly(2025, 6, 30), "valid_from", new DateOnly(2025, 7, 1));

        Assert.Equal("units.csv:4: column valid_to: 2025-06-30 is before valid_from 2025-07-01", error.ToString());
        Assert.Equal("ImportError.EndBeforeStart", error.Key);
        Assert.Equal(["2025-06-30", "valid_from", "2025-07-01"], error.Arguments);
    }

    private static Dictionary<string, string> Resources(string language) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Oversight.Web", "Resources", "Localization", $"Strings.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static HashSet<string> Places(string text) => Place().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Oversight.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Oversight.slnx not found above the test's directory");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Place();
}
