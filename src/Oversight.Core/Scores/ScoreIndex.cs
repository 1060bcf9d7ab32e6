using Oversight.Organisation;
using Oversight.Text;

namespace Oversight.Scores;

/// <summary>
/// An external index that scores units each year, such as the national PAR INDEX of the provinces or a city's index of
/// its districts: data, loaded from a definition file (<see cref="IndexDefinitionImport"/>), never code.
/// </summary>
public sealed class ScoreIndex
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Capital letters, digits and hyphens (<c>PAR-INDEX</c>, <c>HN-PAR-DISTRICT</c>); never an indicator's code.</summary>
    public required string Code { get; init; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    /// <summary>The body that assesses and publishes the index (Bộ Nội vụ, UBND Thành phố Hà Nội).</summary>
    public required string Owner { get; set; }

    /// <summary>The kinds of unit it scores, as wire names separated by <c>;</c> (<c>district</c>; <c>commune;ward;town</c>).</summary>
    public required string UnitKinds { get; set; }

    /// <summary>The kinds of unit it scores.</summary>
    public IReadOnlyList<UnitKind> Kinds => VietnameseText.Entries(UnitKinds).Select(WireNames<UnitKind>.FromWire).ToArray();

    public string Name(bool english) => english ? NameEn : NameVi;
}

/// <summary>One year of an index: its maximum score, where it was published, and its components.</summary>
public sealed class IndexYear
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndexId { get; init; }

    public int Year { get; init; }

    /// <summary>The total's maximum; the areas' maxima add up to it.</summary>
    public decimal MaxScore { get; set; }

    /// <summary>The decision or publication the year's definition and scores come from.</summary>
    public string? Source { get; set; }

    /// <summary>The year's definition (and so its scores) is illustrative, not the published text: pages say so.</summary>
    public bool Illustrative { get; set; }

    public List<IndexComponent> Components { get; init; } = [];
}

/// <summary>
/// A part of an index year's tree: an area (<c>3</c>), a criterion (<c>3.2</c>) or a sub-criterion (<c>3.2.1</c>); the
/// parent is the code without its last part, the total for an area. The maxima of a component's parts add up to its own.
/// </summary>
public sealed class IndexComponent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndexYearId { get; init; }

    public required string Code { get; init; }

    public required string NameVi { get; set; }

    public required string NameEn { get; set; }

    public decimal MaxScore { get; set; }

    /// <summary>
    /// Codes of the indicators whose records bear on the component, separated by <c>;</c> (<c>PUB.ON-TIME;PUB.OVERDUE</c>):
    /// the link from an external score to what Oversight holds, kept in the definition file.
    /// </summary>
    public string Indicators { get; set; } = string.Empty;

    /// <summary>The component's place in its file, for listing the tree in the publisher's order.</summary>
    public int Order { get; set; }

    /// <summary>The parent's code: empty (the total) for an area.</summary>
    public string ParentCode => IndexCodes.ParentOf(Code);

    /// <summary>How deep in the tree: 1 for an area.</summary>
    public int Depth => Code.Count(c => c == '.') + 1;

    public IReadOnlyList<string> IndicatorCodes => VietnameseText.Entries(Indicators);

    public string Name(bool english) => english ? NameEn : NameVi;
}

/// <summary>
/// A unit's score in one year of an index, on one component, or on the total when <see cref="Component"/> is empty. An
/// external figure, copied from the publisher: written only by imports, which are audited as a whole.
/// </summary>
public sealed class IndexScore
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndexYearId { get; init; }

    /// <summary>The unit scored, as it stood at the end of the year.</summary>
    public Guid UnitId { get; init; }

    /// <summary>The component's code; empty for the total.</summary>
    public required string Component { get; init; }

    public decimal Score { get; set; }
}

/// <summary>The codes of indices and their components.</summary>
public static class IndexCodes
{
    /// <summary>The code of the total, the root of every index year's tree.</summary>
    public const string Total = "";

    /// <summary>The day a year's units are read on: its last.</summary>
    public static DateOnly YearEnd(int year) => new(year, 12, 31);

    /// <summary>The parent of a component: its code without the last part; the total (empty) for an area.</summary>
    public static string ParentOf(string component)
    {
        var dot = component.LastIndexOf('.');
        return dot < 0 ? Total : component[..dot];
    }

    /// <summary>Whether <paramref name="code"/> is an index code: capital letters, digits and hyphens, starting with a letter, at most 32.</summary>
    public static bool IsIndexCode(string code) =>
        code.Length is > 0 and <= 32 && char.IsAsciiLetterUpper(code[0]) && code.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>Whether <paramref name="code"/> is a component code: whole numbers from 1 joined by dots (<c>1</c>, <c>1.2</c>, <c>1.2.3</c>).</summary>
    public static bool IsComponentCode(string code) =>
        code.Length <= 32 && code.Split('.').All(part => part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit) && part[0] != '0');

    /// <summary>Orders component codes as the publisher numbers them: 1, 1.2, 1.10, 2.</summary>
    public static int Compare(string a, string b)
    {
        var left = a.Length == 0 ? [] : a.Split('.');
        var right = b.Length == 0 ? [] : b.Split('.');
        for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
        {
            var order = int.Parse(left[i], System.Globalization.CultureInfo.InvariantCulture).CompareTo(int.Parse(right[i], System.Globalization.CultureInfo.InvariantCulture));
            if (order != 0)
            {
                return order;
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    /// <summary>
    /// Reads <c>INDEX</c> or <c>INDEX/COMPONENT</c>, as the rankings API takes it (<c>HN-PAR-DISTRICT/3.1</c>); null when
    /// it is neither.
    /// </summary>
    public static (string Index, string Component)? Parse(string? text)
    {
        var parts = (text ?? string.Empty).Trim().Split('/');
        return parts switch
        {
            [var index] when IsIndexCode(index) => (index, Total),
            [var index, var component] when IsIndexCode(index) && IsComponentCode(component) => (index, component),
            _ => null,
        };
    }
}
