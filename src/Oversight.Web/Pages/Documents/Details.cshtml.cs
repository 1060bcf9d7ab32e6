using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Oversight.Documents;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Reports;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Documents;

/// <summary>
/// A document of an inspection: its next step first (submit, approve or return, issue), then what is written for each
/// section beside the figures it was written against, the requests, a preview, the versions with their differences,
/// and the steps taken. Each action comes back to the page with a confirmation (post-redirect-get); a refused one shows
/// its reason. Not found (404) for a caller who may not see it.
/// </summary>
public sealed class DetailsModel(InspectionDocuments documents, IndicatorCatalog catalog, TimeProvider time, IStringLocalizer<Strings> text) : RecordFormModel(text)
{
    /// <summary>Empty rows offered under the requests already written.</summary>
    private const int NewRequestRows = 3;

    public DocumentView View { get; private set; } = null!;

    /// <summary>The latest version as it reads, for the preview.</summary>
    public ReportDocument Preview { get; private set; } = null!;

    /// <summary>The sentences of the figures each section's narrative follows, by the section's key.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> FiguresBySection { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

    [BindProperty]
    public Dictionary<string, string?> Narrative { get; set; } = [];

    [BindProperty]
    public List<DocumentRequestFields> Requests { get; set; } = [];

    /// <summary>A self-assessment's figures, with an empty row at the end of each section of them to add one.</summary>
    [BindProperty]
    public List<StatedFigureFields> Figures { get; set; } = [];

    [BindProperty]
    public int BasedOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? IssuedOn { get; set; }

    /// <summary>The step just taken, confirmed at the top of the page.</summary>
    [BindProperty(SupportsGet = true, Name = "done")]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Stamp = View.Document.ConcurrencyStamp;
        BasedOn = View.Latest.Sequence;
        var written = View.Text;
        Narrative = written.Narrative.ToDictionary(p => p.Key, p => (string?)p.Value);
        Requests = written.Requests.Select(r => new DocumentRequestFields(r.Owner, r.Text, r.DueOn is { } due ? IsoDate.Format(due) : null)).ToList();
        var from = IsoDate.Format(View.Document.From);
        var to = IsoDate.Format(View.Document.To);
        Figures = View.Template.Sections.Where(s => s.Kind == ReportSectionKind.Stated)
            .SelectMany(section => written.Figures.Where(f => f.Section == section.Key)
                .Select(f => new StatedFigureFields(
                    f.Section, f.Indicator, IsoDate.Format(f.From), IsoDate.Format(f.To), f.Description, f.Written, WireNames<ClaimComparison>.ToWire(f.Comparison), f.Numerator, f.Denominator))
                .Append(new StatedFigureFields(section.Key, null, from, to, null, null, null, null, null)))
            .ToList();
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "saved", () => documents.SaveAsync(id, new DocumentTextRequest(Narrative, Requests, Figures), BasedOn, Reason, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostFiguresAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "figures", () => documents.RetakeFiguresAsync(id, BasedOn, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "submitted", () => documents.SubmitAsync(id, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "approved", () => documents.ApproveAsync(id, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "returned", () => documents.ReturnAsync(id, Reason, Stamp, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostIssueAsync(Guid id, CancellationToken cancellationToken) =>
        ActAsync(id, "issued", () => documents.IssueAsync(id, IssuedOn, Stamp, cancellationToken), cancellationToken);

    /// <summary>The form's rows for requests: those written, then empty ones to add more.</summary>
    public IEnumerable<DocumentRequestFields> RequestRows => Requests.Concat(Enumerable.Repeat(new DocumentRequestFields(null, null, null), NewRequestRows));

    public string Today => IsoDate.Format(VietnamTime.Today(time));

    /// <summary>The indicators a section of stated figures offers, by name.</summary>
    public IReadOnlyList<(string Value, string Label)> IndicatorOptions(ReportSection section) =>
        section.Figures.Select(code => (code, catalog.Find(code)?.Name(false) ?? code)).ToList();

    /// <summary>The figures' rows of a section, each with its index in the form.</summary>
    public IEnumerable<(StatedFigureFields Row, int Index)> FigureRows(string section) => Figures.Select((f, i) => (f, i)).Where(p => p.f.Section == section);

    /// <summary>The text for this kind of document when it has its own (<c>Documents.Next.Draft.self-assessment</c>), else the common one.</summary>
    public string Say(string key)
    {
        var own = Localizer[$"{key}.{WireNames<DocumentKind>.ToWire(View.Document.Kind)}"];
        return own.ResourceNotFound ? Localizer[key] : own;
    }

    /// <summary>Takes a step; back to the page with its confirmation, or the page again with the reason it was refused.</summary>
    private async Task<IActionResult> ActAsync(Guid id, string done, Func<Task<RecordResult<InspectionDocument>>> act, CancellationToken cancellationToken)
    {
        var result = await act();
        if (result.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/documents/{id}?done={(result.Changed ? done : "unchanged")}");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Done = null;
        return Saved(result, _ => string.Empty);
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await documents.FindAsync(id, cancellationToken) is not { } view || await documents.RenderAsync(view, null, english: false, cancellationToken) is not { } preview)
        {
            return false;
        }

        View = view;
        Preview = preview;
        IssuedOn ??= Today;
        FiguresBySection = await documents.SentencesBySectionAsync(view, cancellationToken);
        return true;
    }
}
