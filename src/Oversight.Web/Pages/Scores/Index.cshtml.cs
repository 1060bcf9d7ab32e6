using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Accounts;
using Oversight.Scores;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Scores;

/// <summary>
/// A unit's external index (the city's administrative reform index, the PAR INDEX): its score and rank among its peers
/// over the years, the components where it loses most points against the peers' median, and, for its weakest
/// components, their trend and what Oversight's records say of them (figures from the indicator engine).
/// </summary>
public sealed class IndexModel(IndexScores scores, CallerScope scope, Caller caller, TimeProvider time, IStringLocalizer<Strings> text)
    : RegisterFormModel(scope, caller, time, text)
{
    /// <summary>How many weakest areas the page explains.</summary>
    public const int Weakest = 3;

    [BindProperty(SupportsGet = true, Name = "index")]
    public string? Index { get; set; }

    /// <summary>The indices that score the unit, to choose from.</summary>
    public IReadOnlyList<ScoreIndex> Indices { get; private set; } = [];

    public UnitIndexScores? Found { get; private set; }

    /// <summary>The peers ranked on the total in the latest year.</summary>
    public IndexRanking? Ranking { get; private set; }

    public bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await ReadCommonAsync(cancellationToken);
        if (UnitCode is not { } unit)
        {
            FormErrors.Add(("unit", Text["Indicators.Filter.UnitRequired"]));
            return;
        }

        Indices = await scores.IndicesForAsync(unit, cancellationToken);
        var chosen = string.IsNullOrWhiteSpace(Index) ? Indices.FirstOrDefault()?.Code : Index.Trim();
        if (chosen is null)
        {
            return;
        }

        Index = chosen;
        Found = await scores.ForUnitAsync(unit, chosen, Weakest, cancellationToken);
        if (Found is null)
        {
            FormErrors.Add(("index", Text["Scores.NotScored", unit, chosen]));
            return;
        }

        Ranking = await scores.RankAsync(Found.Index, unit, IndexCodes.Total, Found.Latest.Year, cancellationToken);
    }

    /// <summary>The records behind an indicator's figure for the unit over a period: the indicator pages lead on to the registers.</summary>
    public string RecordsHref(string indicator, DateOnly from, DateOnly to) =>
        "/indicators/records" + QueryString.Create(new Dictionary<string, string?>
        {
            ["unit"] = Found!.Unit.Code, ["from"] = IsoDate.Format(from), ["to"] = IsoDate.Format(to), ["indicator"] = indicator,
        });

    /// <summary>A score out of its maximum: <c>58,25/100</c>; a dash without a score.</summary>
    public static string OutOf(decimal? score, decimal max) => score is { } value ? $"{ScoreText.Format(value)}/{ScoreText.Format(max)}" : "—";

    /// <summary>A score or median; a dash without one.</summary>
    public static string Score(decimal? score) => score is { } value ? ScoreText.Format(value) : "—";

    /// <summary>Points below the median, signed: <c>−5,5</c> below (a loss), <c>+1,25</c> above.</summary>
    public static string Difference(ScoreStanding standing) => standing.PointsLost is not { } lost ? "—"
        : lost > 0 ? "−" + ScoreText.Format(lost) : "+" + ScoreText.Format(-lost);

    /// <summary>A rank among the ranked peers: <c>30/30</c>.</summary>
    public static string Rank(ScoreStanding standing) => standing.Rank is { } rank ? $"{rank}/{standing.Ranked}" : "—";
}
