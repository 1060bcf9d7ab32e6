using System.Globalization;
using System.Text;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Scores;

namespace Oversight.Demo;

/// <summary>What the demo's indices added.</summary>
public sealed record DemoScoreCounts(int IndexYears, int Components, int Scores);

/// <summary>
/// The demo's external indices: Hà Nội's administrative reform index of its 30 districts for 2019–2023 (definition
/// <c>Demo/Data/hn-par-district.csv</c>, eight areas summing to 100) with illustrative scores, Huyện Chương Mỹ at the
/// bottom every year and weakest in administrative procedures and digital government; and the national PAR INDEX's
/// definition for 2023 (<c>Scores/Definitions/par-index-2023.csv</c>), without scores. Both files go through the same
/// reading and checks as <c>oversight import index</c>, and the scores through those of <c>oversight import scores</c>.
/// </summary>
/// <remarks>
/// The scores are not published figures: each district has an ability drawn once from the demo's
/// <see cref="Random"/>, improving a little each year, and each criterion scatters around it; Chương Mỹ's ability is
/// set below every other district's, and lower still in areas 3 and 7. The definition files say
/// <c>illustrative: yes</c>, and the pages say so.
/// </remarks>
internal static class DemoScores
{
    public const string CityIndex = "HN-PAR-DISTRICT";

    public static readonly IReadOnlyList<int> Years = [2019, 2020, 2021, 2022, 2023];

    private static readonly string[] Definitions = ["Oversight.Scores.par-index-2023.csv", "Oversight.Demo.hn-par-district.csv"];

    public static async Task<DemoScoreCounts> AddAsync(OversightDbContext db, IndicatorCatalog catalog, UnitGraph graph, UnitSnapshot province, Random random, CancellationToken cancellationToken)
    {
        int years = 0, components = 0;
        foreach (var resource in Definitions)
        {
            await using var content = Resource(resource);
            var result = await IndexDefinitionImport.LoadAsync(db, catalog, Table(resource, content, ["index", "year", "component", "name_vi", "name_en", "max_score"]), null, cancellationToken);
            Check(result);
            years += result.Tallies.Single(t => t.Records == "index years").Created;
            components += result.Tallies.Single(t => t.Records == "components").Created;
        }

        // Leaves only: the import derives the criteria, the areas and the total from them.
        var tree = ReadTree();
        var leaves = tree.Where(c => !tree.Any(other => IndexCodes.ParentOf(other.Code) == c.Code)).ToList();
        var districts = graph.Children(province.Id, IndexCodes.YearEnd(Years[0])).Where(u => u.Kind == UnitKind.District).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var ability = districts.ToDictionary(d => d.Code, d => d.Code == DemoBodies.DistrictCode ? 0.62 : 0.72 + (0.2 * random.NextDouble()));
        var csv = new StringBuilder("index,year,unit,component,score\n");
        foreach (var year in Years)
        {
            foreach (var district in districts)
            {
                foreach (var (code, max) in leaves)
                {
                    var area = code.Split('.')[0];
                    var weakness = district.Code == DemoBodies.DistrictCode && area is "3" or "7" ? 0.7 : 1.0;
                    var share = (ability[district.Code] * weakness) + (0.012 * (year - Years[0])) + (0.08 * (random.NextDouble() - 0.5));
                    var score = Math.Round((decimal)Math.Clamp(share, 0.2, 1.0) * max * 4, MidpointRounding.AwayFromZero) / 4;
                    csv.Append(CultureInfo.InvariantCulture, $"{CityIndex},{year},{district.Code},{code},{ScoreText.Invariant(score)}\n");
                }
            }
        }

        await using var scores = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var imported = await IndexScoreImport.LoadAsync(db, graph, ScopeFilter.Everything, Table("hn-par-district-scores.csv", scores, ["index", "year", "unit", "component", "score"]), null, cancellationToken);
        Check(imported);
        return new DemoScoreCounts(years, components, imported.Tallies[0].Created);
    }

    /// <summary>The components of the city's index (the same every year) with their maxima, from its definition file.</summary>
    private static List<(string Code, decimal Max)> ReadTree()
    {
        using var content = Resource("Oversight.Demo.hn-par-district.csv");
        return Table("hn-par-district.csv", content, ["year", "component", "max_score"]).Rows
            .Where(r => TabularCell.Text(r["year"]) == Years[0].ToString(CultureInfo.InvariantCulture) && !TabularCell.IsBlank(r["component"]))
            .Select(r => (TabularCell.Text(r["component"])!, decimal.Parse(TabularCell.Text(r["max_score"])!, CultureInfo.InvariantCulture)))
            .ToList();
    }

    private static TabularTable Table(string name, Stream content, IReadOnlyCollection<string> columns) =>
        TabularReader.Read(name.EndsWith(".csv", StringComparison.Ordinal) ? name : name + ".csv", content, columns, int.MaxValue).Table
            ?? throw new InvalidOperationException($"The demo's file {name} cannot be read.");

    private static Stream Resource(string name)
    {
        var content = typeof(DemoScores).Assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"The resource {name} is not embedded.");
        var copy = new MemoryStream();
        content.CopyTo(copy);
        content.Dispose();
        copy.Position = 0;
        return copy;
    }

    private static void Check(ImportResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo's indices do not load: {string.Join("; ", result.Errors.Take(5))}");
        }
    }
}
