using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Oversight.Accountability;
using Oversight.Documents;
using Oversight.Organisation;
using Oversight.People;
using Oversight.Petitions;
using Oversight.Web.Pages.Units;

namespace Oversight.Web.Pages.Search;

/// <summary>
/// Units and people by name, ignoring diacritics and đ/Đ ("chuong my" finds "Chương Mỹ"). Without an "as of"
/// date, units of every period are found, each in its last name; a unit that no longer exists says what it became
/// ("Xã Tốt Động: since 01/07/2025 part of Xã Quảng Bị"), and the units it became are listed after it.
/// Then the records the caller's scope reaches, the first few of each kind, each read through its own register, so that
/// the register's scope rules apply and its link lists the rest: citizens' cases by reference, tracking code or words
/// (never a denouncer's identity), directives, inspections, follow-up tasks, and the documents of the inspections found.
/// </summary>
public sealed class IndexModel(
    UnitDirectory units,
    PersonDirectory people,
    CaseRegister cases,
    DirectiveChain directives,
    AccountabilityRegister accountability,
    InspectionDocuments documents) : PageModel
{
    public const int Limit = 50;

    /// <summary>How many records of each kind the page shows; the register's link lists them all.</summary>
    public const int RecordLimit = 10;

    /// <summary>The longest public tracking code the page looks up (those given are 10 letters and digits).</summary>
    private const int LongestTrackingCode = 16;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "asOf")]
    public string? AsOfText { get; set; }

    /// <summary>The date units must exist on; null searches every period.</summary>
    public DateOnly? AsOf { get; private set; }

    public bool AsOfInvalid { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyList<UnitSnapshot> Units { get; private set; } = [];

    /// <summary>What each unit found that no longer exists became, by its id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<LineageView>> Became { get; private set; } = new Dictionary<Guid, IReadOnlyList<LineageView>>();

    public IReadOnlyList<Person> People { get; private set; } = [];

    /// <summary>The case the query names by its tracking code first, then those its words find.</summary>
    public RecordMatches<CaseRow> Cases { get; private set; } = RecordMatches<CaseRow>.None;

    public RecordMatches<Directive> Directives { get; private set; } = RecordMatches<Directive>.None;

    public RecordMatches<InspectionRow> Inspections { get; private set; } = RecordMatches<InspectionRow>.None;

    public RecordMatches<TaskRow> Tasks { get; private set; } = RecordMatches<TaskRow>.None;

    /// <summary>The documents of the inspections found that the caller may see.</summary>
    public RecordMatches<InspectionDocument> Documents { get; private set; } = RecordMatches<InspectionDocument>.None;

    public bool Searched => !string.IsNullOrWhiteSpace(Query);

    /// <summary>The name search found <see cref="Limit"/> units, so that more may match (the units they became come on top).</summary>
    public bool UnitsLimited { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = units.Today;
        if (!string.IsNullOrWhiteSpace(AsOfText))
        {
            var (day, invalid) = AsOfDate.Parse(AsOfText, Today);
            (AsOf, AsOfInvalid) = (invalid ? null : day, invalid);
        }

        if (!Searched)
        {
            return;
        }

        var found = await units.SearchAsync(Query!, AsOf, Limit, cancellationToken);
        var became = new Dictionary<Guid, IReadOnlyList<LineageView>>();
        foreach (var ended in found.Where(u => u.ValidTo is not null))
        {
            if (await units.LineageAsync(ended.Code, ended.ValidTo, cancellationToken) is { Successors.Count: > 0 } lineage)
            {
                became[ended.Id] = lineage.Successors;
            }
        }

        var successors = became.Values.SelectMany(v => v).Where(v => v.InScope).Select(v => v.Step.Unit);
        Units = found.Concat(successors).DistinctBy(u => u.Id).ToList();
        UnitsLimited = found.Count == Limit;
        Became = became;
        People = await people.SearchAsync(Query!, Limit, cancellationToken);
        await FindRecordsAsync(Query!.Trim(), cancellationToken);
    }

    /// <summary>The address of a register listing every record the words find.</summary>
    public string RegisterHref(string register) => $"/{register}?q={Uri.EscapeDataString(Query!.Trim())}";

    private async Task FindRecordsAsync(string query, CancellationToken cancellationToken)
    {
        var byWords = await cases.ListAsync(new CaseFilter { Search = query }, 1, RecordLimit, cancellationToken);
        var tracked = IsTrackingCode(query) ? await cases.ListAsync(new CaseFilter { TrackingCode = query }, 1, 1, cancellationToken) : null;
        Cases = new(
            (tracked?.Rows ?? []).Concat(byWords?.Rows ?? []).DistinctBy(c => c.Id).ToList(),
            byWords?.HasNextPage ?? false);

        var directivesFound = await directives.SearchAsync(query, RecordLimit, cancellationToken);
        Directives = new(directivesFound.Take(RecordLimit).ToList(), directivesFound.Count > RecordLimit);

        var filter = new AccountabilityFilter(null, null, null, null, query);
        var inspections = await accountability.InspectionsAsync(filter, null, 1, RecordLimit, cancellationToken);
        Inspections = new(inspections?.Rows ?? [], inspections?.HasNextPage ?? false);
        var tasks = await accountability.TasksAsync(filter, null, 1, RecordLimit, cancellationToken);
        Tasks = new(tasks?.Rows ?? [], tasks?.HasNextPage ?? false);

        var inspectionDocuments = await documents.OfInspectionsAsync(Inspections.Rows.Select(i => i.Id).ToList(), cancellationToken);
        Documents = new(inspectionDocuments.Take(RecordLimit).ToList(), inspectionDocuments.Count > RecordLimit);
    }

    /// <summary>Whether the query could be a public tracking code: one word of letters and digits.</summary>
    private static bool IsTrackingCode(string query) =>
        query.Length <= LongestTrackingCode && query.All(char.IsAsciiLetterOrDigit);
}

/// <summary>A record found, as the search page lists it: a link to its page, what it is, and its subject or title.</summary>
public sealed record RecordHit(string Href, string Title, string Meta, string? Note);

/// <summary>A section of the search page: the records of a kind found, and the register that lists every match (when it filters by words).</summary>
public sealed record RecordSection(string Id, string Heading, string Kind, IReadOnlyList<RecordHit> Hits, bool More, string? RegisterHref, string? RegisterTitle);

/// <summary>The first records of a kind a search found; <c>More</c> when more match than are shown.</summary>
public sealed record RecordMatches<T>(IReadOnlyList<T> Rows, bool More)
{
    public static RecordMatches<T> None { get; } = new([], false);
}
