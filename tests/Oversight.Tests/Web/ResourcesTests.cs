using System.Text.RegularExpressions;
using System.Xml.Linq;
using Oversight.Organisation;
using Oversight.People;

namespace Oversight.Tests.Web;

/// <summary>Every string the pages show exists in Vietnamese and in English.</summary>
public sealed partial class ResourcesTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "Oversight.Web");

    [Fact]
    public void Vietnamese_and_English_have_the_same_keys_and_no_empty_value()
    {
        var vietnamese = Load("vi");
        var english = Load("en");

        Assert.Equal(vietnamese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(vietnamese.Concat(english).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Key));
        Assert.Empty(vietnamese.Where(p => !p.Value.IsNormalized(System.Text.NormalizationForm.FormC)).Select(p => p.Key));
    }

    [Fact]
    public void Every_key_the_pages_use_is_translated()
    {
        var keys = Load("vi").Keys.ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizerKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToArray();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !keys.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    [Fact]
    public void Every_unit_kind_gender_and_sensitive_field_has_a_name()
    {
        var keys = Load("vi").Keys.ToHashSet(StringComparer.Ordinal);
        var needed = Enum.GetNames<UnitKind>().Select(n => $"UnitKind.{n}")
            .Concat(Enum.GetNames<Gender>().Select(n => $"Gender.{n}"))
            .Concat(Enum.GetNames<SensitiveField>().Select(n => $"SensitiveField.{n}"));

        Assert.DoesNotContain(needed, k => !keys.Contains(k));
    }

    private static Dictionary<string, string> Load(string language) =>
        XDocument.Load(Path.Combine(WebProject, "Resources", "Localization", $"Strings.{language}.resx"))
            .Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? string.Empty);

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

    /// <summary>A literal key given to a localizer: <c>L["Unit.Code"]</c>, <c>text["Login.Failed"]</c>, <c>html["Lineage.PartOf", …]</c>.</summary>
    [GeneratedRegex("""\b(?:L|H|text|html)\["(?<key>[A-Za-z][A-Za-z0-9.\-]*)"[\],]""")]
    private static partial Regex LocalizerKey();
}
