using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Documents;

/// <summary>A document as its page shows it: the inspection, the versions, the steps taken, and what the caller may do next.</summary>
public sealed record DocumentView(
    InspectionDocument Document,
    Inspection Inspection,
    IReadOnlyList<DocumentVersion> Versions,
    IReadOnlyList<DocumentStep> Steps,
    IReadOnlyList<FollowUpTask> Tasks,
    DocumentPermissions May)
{
    public DocumentVersion Latest => Versions[^1];

    public DocumentText Text => DocumentText.FromJson(Latest.Text);

    public ReportTemplate Template => InspectionDocuments.TemplateOf(Document.Kind);
}

/// <summary>What the caller may do with a document in its present status.</summary>
public sealed record DocumentPermissions(bool Write, bool Review, bool Issue)
{
    public static DocumentPermissions None { get; } = new(false, false, false);
}

/// <summary>
/// The documents of an inspection, written in Oversight: the delegation's report and the conclusion notice. Each goes
/// draft → submitted → approved → issued; every save of what is written for it is a version kept with the figures it
/// was written against, every step is a <see cref="DocumentStep"/>, and the context audits them all.
/// </summary>
/// <remarks>
/// <para>
/// Who does what follows the inspection's team and roles. The delegation's report is written by the members of the
/// delegation (accounts linked to a member's person) and by accounts of the body that set the inspection up (its
/// inspectors, officers and leaders); only the head of the delegation approves and issues it (a leader of the deciding
/// body, when the team names its head without linking a person to the name). The conclusion notice is
/// written by the same people, approved and issued by the head of the delegation or a leader of the deciding body;
/// when it is issued, each of its requests becomes a follow-up task of the inspection, linked to it. The inspected
/// unit sees the documents once issued. An administrator may do everything.
/// </para>
/// <para>
/// An issued document keeps its number and date; a correction is a new version with its reason. Figures are taken
/// from the engine when the document is started and again on request while it is a draft; a version shows the
/// figures it was saved with.
/// </para>
/// </remarks>
public sealed class InspectionDocuments(
    OversightDbContext db, Caller caller, CallerScope scope, InspectionReport report, IndicatorEngine engine, ReportedFigures claims, TimeProvider time)
{
    private const int NarrativeLength = 20_000;
    private const int RequestLength = 2_000;
    private const int ReasonLength = 2_000;
    private const int MostRequests = 50;
    private const int MostFigures = 200;

    private DateOnly Today => VietnamTime.Today(time);

    public static ReportTemplate TemplateOf(DocumentKind kind) => kind switch
    {
        DocumentKind.SelfAssessment => ReportTemplate.SelfAssessment,
        DocumentKind.DelegationReport => ReportTemplate.Shipped,
        _ => ReportTemplate.ConclusionNotice,
    };

    /// <summary>The documents of an inspection the caller may see, by kind.</summary>
    public Task<IReadOnlyList<InspectionDocument>> OfInspectionAsync(Guid inspectionId, CancellationToken cancellationToken = default) =>
        OfInspectionsAsync([inspectionId], cancellationToken);

    /// <summary>The documents of these inspections the caller may see, by inspection in the order given, then by kind.</summary>
    public async Task<IReadOnlyList<InspectionDocument>> OfInspectionsAsync(IReadOnlyList<Guid> inspectionIds, CancellationToken cancellationToken = default)
    {
        var ids = inspectionIds.Distinct().ToList();
        var inspections = await db.Inspections.AsNoTracking().Include(i => i.Team).Include(i => i.Targets).AsSplitQuery()
            .Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var documents = await db.InspectionDocuments.AsNoTracking().Where(d => ids.Contains(d.InspectionId)).ToListAsync(cancellationToken);
        var seen = new List<InspectionDocument>();
        foreach (var document in documents.OrderBy(d => ids.IndexOf(d.InspectionId)).ThenBy(d => d.Kind))
        {
            if (inspections.GetValueOrDefault(document.InspectionId) is { } inspection && await SeesAsync(document, inspection, cancellationToken))
            {
                seen.Add(document);
            }
        }

        return seen;
    }

    /// <summary>
    /// The kinds of document the caller may start for the inspection and that are not started yet: the self-assessment
    /// of a body inspected the caller acts for, the others on the deciding side or the team.
    /// </summary>
    public async Task<IReadOnlyList<DocumentKind>> MayStartAsync(Guid inspectionId, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Team).Include(i => i.Targets).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null)
        {
            return [];
        }

        var side = await SideAsync(inspection, cancellationToken);
        var started = await db.InspectionDocuments.AsNoTracking().Where(d => d.InspectionId == inspectionId).Select(d => new { d.Kind, d.IssuerUnitId }).ToListAsync(cancellationToken);
        return Enum.GetValues<DocumentKind>()
            .Where(kind => kind == DocumentKind.SelfAssessment
                ? side.Bodies.Any(body => !started.Any(d => d.Kind == kind && d.IssuerUnitId == body))
                : side.Writes(kind) && started.All(d => d.Kind != kind))
            .ToList();
    }

    /// <summary>The most submitted documents <see cref="ToReviewAsync"/> looks at: submitted ones wait for days, not years.</summary>
    private const int MostSubmitted = 500;

    /// <summary>The submitted documents the caller reviews (approves or returns), oldest submission first, with their inspections.</summary>
    public async Task<IReadOnlyList<(InspectionDocument Document, Inspection Inspection)>> ToReviewAsync(CancellationToken cancellationToken = default)
    {
        var submitted = await db.InspectionDocuments.AsNoTracking().Where(d => d.Status == DocumentStatus.Submitted)
            .OrderBy(d => d.Id).Select(d => d.Id).Take(MostSubmitted).ToListAsync(cancellationToken);
        var toReview = new List<(InspectionDocument, Inspection)>();
        foreach (var id in submitted)
        {
            if (await ReadAsync(db.InspectionDocuments.AsNoTracking(), id, cancellationToken) is var (document, inspection)
                && (await PermissionsAsync(document, inspection, cancellationToken)).Review)
            {
                toReview.Add((document, inspection));
            }
        }

        return toReview;
    }

    /// <summary>A document with its versions and steps; null when it does not exist for the caller.</summary>
    public async Task<DocumentView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (await ReadAsync(db.InspectionDocuments.AsNoTracking(), id, cancellationToken) is not var (document, inspection))
        {
            return null;
        }

        var versions = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderBy(v => v.Sequence).ToListAsync(cancellationToken);
        // Ids are made in time order (version 7); SQLite cannot order by a moment.
        var steps = await db.DocumentSteps.AsNoTracking().Where(s => s.DocumentId == id).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        var tasks = await db.FollowUpTasks.AsNoTracking().Where(t => t.NoticeId == id).OrderBy(t => t.Reference).ToListAsync(cancellationToken);
        return new DocumentView(document, inspection, versions, steps, tasks, await PermissionsAsync(document, inspection, cancellationToken));
    }

    /// <summary>
    /// Starts a document of the inspection, with its figures taken now over the inspection's period and its first version:
    /// empty for the delegation's report; for the conclusion notice, the assessment and requests of the approved report.
    /// </summary>
    public async Task<RecordResult<InspectionDocument>> CreateAsync(Guid inspectionId, DocumentKind kind, CancellationToken cancellationToken = default)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Team).Include(i => i.Targets).AsSplitQuery().FirstOrDefaultAsync(i => i.Id == inspectionId, cancellationToken);
        if (inspection is null || !await SeesInspectionAsync(inspection, cancellationToken))
        {
            return new(null, [], NotFound: true);
        }

        var side = await SideAsync(inspection, cancellationToken);
        if (!side.Writes(kind))
        {
            return new(null, [RecordMessages.DocumentNotYours.For("kind")]);
        }

        // A self-assessment is the next body's the caller acts for that has none yet; the others are the delegation's, one each.
        var errors = new List<FieldError>();
        var started = await db.InspectionDocuments.Where(d => d.InspectionId == inspectionId && d.Kind == kind).Select(d => d.IssuerUnitId).ToListAsync(cancellationToken);
        var issuer = kind == DocumentKind.SelfAssessment ? side.Bodies.FirstOrDefault(b => !started.Contains(b)) : inspection.DecidingUnitId;
        if (kind == DocumentKind.SelfAssessment ? issuer == Guid.Empty : started.Count > 0)
        {
            errors.Add(RecordMessages.DocumentAlreadyStarted.For("kind", inspection.Reference));
        }

        var text = DocumentText.Empty;
        if (kind == DocumentKind.ConclusionNotice)
        {
            var approved = await db.InspectionDocuments.AsNoTracking()
                .FirstOrDefaultAsync(d => d.InspectionId == inspectionId && d.Kind == DocumentKind.DelegationReport && (d.Status == DocumentStatus.Approved || d.Status == DocumentStatus.Issued), cancellationToken);
            if (approved is null)
            {
                errors.Add(RecordMessages.ReportNotApproved.For("kind", inspection.Reference));
            }
            else
            {
                var latest = DocumentText.FromJson(await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == approved.Id).OrderByDescending(v => v.Sequence).Select(v => v.Text).FirstAsync(cancellationToken));
                text = new DocumentText(
                    new Dictionary<string, string> { ["strengths"] = latest.For("strengths"), ["shortcomings"] = latest.For("shortcomings") }.Where(p => p.Value.Length > 0).ToDictionary(),
                    latest.Requests);
            }
        }

        var unit = UnitOf(await scope.GraphAsync(cancellationToken), inspection.DecidedOn, kind == DocumentKind.SelfAssessment ? [issuer] : inspection.Targets.Select(t => t.UnitId));
        if (unit is null)
        {
            errors.Add(RecordMessages.NoUnitTarget.For("kind", inspection.Reference));
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var (from, to) = PeriodOf(inspection);
        var document = new InspectionDocument
        {
            InspectionId = inspection.Id, Kind = kind, UnitId = unit!.Id, IssuerUnitId = issuer,
            From = from, To = to, Status = DocumentStatus.Draft, Author = caller.Name,
        };
        var figures = await TakeFiguresAsync(document, cancellationToken);
        if (figures is null)
        {
            return new(null, [], NotFound: true);
        }

        if (kind == DocumentKind.SelfAssessment)
        {
            text = text with { Figures = await RecordedFiguresAsync(document, cancellationToken) };
        }

        db.InspectionDocuments.Add(document);
        db.DocumentFigures.Add(figures);
        AddVersion(document, 1, figures.Id, text, reason: null);
        AddStep(document, DocumentAction.Created, 1, note: null);
        await db.SaveChangesAsync(cancellationToken);
        return new(document, [], Changed: true);
    }

    /// <summary>
    /// Saves what is written for a draft as its next version (a save that changes nothing makes none), or corrects an
    /// issued document with a version that gives its reason. <paramref name="basedOn"/> is the version the text was
    /// written from: a save on an older one is refused, as someone saved meanwhile.
    /// </summary>
    public async Task<RecordResult<InspectionDocument>> SaveAsync(Guid id, DocumentTextRequest request, int basedOn, string? reason, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(id, cancellationToken) is not var (document, inspection, may, latest))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var corrects = document.Status == DocumentStatus.Issued;
        if (!(corrects ? may.Issue : may.Write))
        {
            return new(null, [RecordMessages.DocumentNotYours.For(string.Empty)]);
        }

        if (document.Status is DocumentStatus.Submitted or DocumentStatus.Approved)
        {
            return new(null, [RecordMessages.DocumentNotNow.For(string.Empty, WireNames<DocumentStatus>.ToWire(document.Status))]);
        }

        if (basedOn != latest.Sequence)
        {
            return new(null, [RecordMessages.ChangedMeanwhile.For(string.Empty)]);
        }

        var text = await CheckTextAsync(document, request, errors, cancellationToken);
        var why = RequestFields.Text(reason, "reason", ReasonLength, errors, required: corrects, multiline: true);
        if (errors.Count > 0 || text is null)
        {
            return new(null, errors);
        }

        if (text.SameAs(DocumentText.FromJson(latest.Text)))
        {
            return new(document, []);
        }

        AddVersion(document, latest.Sequence + 1, latest.FiguresId, text, corrects ? why : null);
        AddStep(document, corrects ? DocumentAction.Corrected : DocumentAction.Saved, latest.Sequence + 1, corrects ? why : null);
        if (corrects && document.Kind == DocumentKind.SelfAssessment)
        {
            await StateClaimsAsync(document, text, errors, cancellationToken);
            if (errors.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new(null, errors);
            }
        }

        return await SaveStepAsync(document, cancellationToken);
    }

    /// <summary>Takes the figures of a draft again from the records, as a new version with the same text.</summary>
    public async Task<RecordResult<InspectionDocument>> RetakeFiguresAsync(Guid id, int basedOn, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(id, cancellationToken) is not var (document, _, may, latest))
        {
            return new(null, [], NotFound: true);
        }

        if (Refusal(may.Write, document, DocumentStatus.Draft) is { } refused)
        {
            return new(null, [refused]);
        }

        if (basedOn != latest.Sequence)
        {
            return new(null, [RecordMessages.ChangedMeanwhile.For(string.Empty)]);
        }

        var figures = await TakeFiguresAsync(document, cancellationToken);
        if (figures is null)
        {
            return new(null, [], NotFound: true);
        }

        db.DocumentFigures.Add(figures);
        AddVersion(document, latest.Sequence + 1, figures.Id, DocumentText.FromJson(latest.Text), reason: null);
        AddStep(document, DocumentAction.FiguresTaken, latest.Sequence + 1, note: null);
        return await SaveStepAsync(document, cancellationToken);
    }

    /// <summary>Submits a draft for review.</summary>
    public Task<RecordResult<InspectionDocument>> SubmitAsync(Guid id, Guid? expectedStamp, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, may => may.Write, DocumentStatus.Draft, DocumentStatus.Submitted, DocumentAction.Submitted, null, cancellationToken);

    /// <summary>Returns a submitted or approved document to its authors as a draft, with the reason.</summary>
    public async Task<RecordResult<InspectionDocument>> ReturnAsync(Guid id, string? reason, Guid? expectedStamp, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var why = RequestFields.Text(reason, "reason", ReasonLength, errors, required: true, multiline: true);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var status = await db.InspectionDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => (DocumentStatus?)d.Status).FirstOrDefaultAsync(cancellationToken);
        return await StepAsync(id, expectedStamp, may => may.Review, status == DocumentStatus.Approved ? DocumentStatus.Approved : DocumentStatus.Submitted, DocumentStatus.Draft, DocumentAction.Returned, why, cancellationToken);
    }

    /// <summary>Approves a submitted document.</summary>
    public Task<RecordResult<InspectionDocument>> ApproveAsync(Guid id, Guid? expectedStamp, CancellationToken cancellationToken = default) =>
        StepAsync(id, expectedStamp, may => may.Review, DocumentStatus.Submitted, DocumentStatus.Approved, DocumentAction.Approved, null, cancellationToken);

    /// <summary>
    /// Issues an approved document on <paramref name="issuedOn"/> (today when none is given; never a later day) with the
    /// next number of its kind and issuer in that year. Issuing a conclusion notice sets each of its requests as a
    /// follow-up task of the inspection, linked to the notice; issuing a self-assessment sends it to the delegation and
    /// makes each figure it states a claim of the unit: both in the same save.
    /// </summary>
    public async Task<RecordResult<InspectionDocument>> IssueAsync(Guid id, string? issuedOn, Guid? expectedStamp, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(id, cancellationToken) is not var (document, inspection, may, latest))
        {
            return new(null, [], NotFound: true);
        }

        if (Refusal(may.Issue, document, DocumentStatus.Approved) is { } refused)
        {
            return new(null, [refused]);
        }

        var errors = new List<FieldError>();
        var day = string.IsNullOrWhiteSpace(issuedOn) ? Today : RequestFields.PastDate(issuedOn, "issuedOn", Today, errors);
        if (day < inspection.DecidedOn)
        {
            errors.Add(RecordMessages.BeforeDate.For("issuedOn", day, inspection.DecidedOn, inspection.Reference));
        }

        var text = DocumentText.FromJson(latest.Text);
        if (document.Kind == DocumentKind.ConclusionNotice)
        {
            CheckTasks(text, day, errors);
        }

        if (errors.Count > 0 || day is not { } on)
        {
            return new(null, errors);
        }

        // The unique index on the numbers refuses a number two issues took at once.
        var last = await db.InspectionDocuments
            .Where(d => d.IssuerUnitId == document.IssuerUnitId && d.Kind == document.Kind && d.IssuedYear == on.Year)
            .MaxAsync(d => d.Number, cancellationToken);
        (document.Number, document.IssuedOn, document.IssuedYear) = ((last ?? 0) + 1, on, on.Year);
        if (document.Kind == DocumentKind.SelfAssessment)
        {
            await StateClaimsAsync(document, text, errors, cancellationToken);
        }

        return await db.SaveEditAsync(document, expectedStamp, errors, async () =>
        {
            document.Status = DocumentStatus.Issued;
            AddStep(document, DocumentAction.Issued, latest.Sequence, note: null);
            if (document.Kind == DocumentKind.ConclusionNotice)
            {
                await AddTasksAsync(document, inspection, text, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// The document as it reads in <paramref name="sequence"/> (the latest when none), in the language asked: the
    /// version's text in the frame of the inspection, with the figures it was saved with and the number and date it was
    /// issued with. Null when the document or the version does not exist for the caller.
    /// </summary>
    public async Task<ReportDocument?> RenderAsync(Guid id, int? sequence, bool english, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is { } view ? await RenderAsync(view, sequence, english, cancellationToken) : null;

    /// <summary>The same, for a document already read (<see cref="FindAsync"/>); null when it has no such version.</summary>
    public async Task<ReportDocument?> RenderAsync(DocumentView view, int? sequence, bool english, CancellationToken cancellationToken = default)
    {
        if (view.Versions.FirstOrDefault(v => v.Sequence == (sequence ?? view.Latest.Sequence)) is not { } version)
        {
            return null;
        }

        var document = view.Document;
        var figures = await db.DocumentFigures.AsNoTracking().FirstAsync(f => f.Id == version.FiguresId, cancellationToken);
        var blocks = FigureBlocks.FromJson(english ? figures.English : figures.Vietnamese);
        var issue = document.Number is { } number ? new ReportIssue(number, document.IssuedOn!.Value) : null;
        var frame = await report.FrameAsync(document.UnitId, document.InspectionId, InspectedOf(document), document.From, document.To, english, TemplateOf(document.Kind), issue, cancellationToken);
        if (frame is null)
        {
            return null;
        }

        var text = DocumentText.FromJson(version.Text);
        var graph = await scope.GraphAsync(cancellationToken);
        var requests = text.Requests.Select(r => new ReportRequest(graph.Find(r.Owner, document.To)?.Name ?? r.Owner, r.Text, r.DueOn)).ToList();
        return (frame with { Body = blocks.Body, Annex = blocks.Annex }).Complete(new ReportText(WithStatedFigures(text), requests));
    }

    /// <summary>The narrative of each section with the sentences of the figures stated in it first, a paragraph each.</summary>
    private static Dictionary<string, string> WithStatedFigures(DocumentText text)
    {
        var narrative = text.Narrative.ToDictionary(StringComparer.Ordinal);
        foreach (var section in text.Figures.GroupBy(f => f.Section))
        {
            narrative[section.Key] = string.Join("\n", section.Select(f => f.Description).Append(text.For(section.Key)));
        }

        return narrative;
    }

    /// <summary>
    /// The sentences of figures each section's narrative follows in the latest version (those between the section's
    /// heading and the place of its narrative), by the section's key: what its writer has at hand.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> SentencesBySectionAsync(DocumentView view, CancellationToken cancellationToken = default)
    {
        var figures = await db.DocumentFigures.AsNoTracking().Where(f => f.Id == view.Latest.FiguresId).Select(f => f.Vietnamese).FirstAsync(cancellationToken);
        var sentences = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var since = new List<string>();
        foreach (var block in FigureBlocks.FromJson(figures).Body)
        {
            switch (block)
            {
                case ReportHeading:
                    since = [];
                    break;
                case ReportParagraph paragraph:
                    since.Add(paragraph.Text);
                    break;
                case ReportNarrative narrative:
                    sentences[narrative.Key] = since;
                    since = [];
                    break;
            }
        }

        return sentences;
    }

    /// <summary>
    /// The lines two versions differ by: each section's heading and paragraphs, the requests, and the sentences of the
    /// figures they were saved with. Null when the document or either version does not exist for the caller.
    /// </summary>
    public async Task<IReadOnlyList<DiffLine>?> DiffAsync(Guid id, int from, int to, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is not { } view)
        {
            return null;
        }

        var before = await RenderAsync(view, from, english: false, cancellationToken);
        var after = await RenderAsync(view, to, english: false, cancellationToken);
        return before is null || after is null ? null : DocumentDiff.Between(Lines(before), Lines(after));
    }

    /// <summary>The body's headings and paragraphs, a line each; tables by their captions and rows.</summary>
    private static List<string> Lines(ReportDocument document) => document.Body.SelectMany(block => block switch
    {
        ReportHeading heading => [heading.Text],
        ReportParagraph paragraph => [paragraph.Text],
        ReportTable table => table.Rows.Select(r => $"{table.Caption}: {string.Join(" | ", r.Cells)}"),
        _ => Enumerable.Empty<string>(),
    }).ToList();

    /// <summary>
    /// The unit a document's figures are of: the administrative unit its targets lie in (the district of a District Party
    /// Committee), the lowest one that holds them all when there are several; null when it looks at no unit. A
    /// self-assessment's target is the body inspected alone.
    /// </summary>
    private static UnitSnapshot? UnitOf(UnitGraph graph, DateOnly day, IEnumerable<Guid?> targets)
    {
        var chains = targets
            .Select(id => id is { } target && graph.At(target, day) is { } unit
                ? graph.Ancestors(unit.Id, day).Append(unit).Where(u => u.Kind.IsAdministrative()).ToList()
                : [])
            .Where(chain => chain.Count > 0)
            .ToList();
        return chains.Count == 0 ? null : chains[0].TakeWhile((unit, depth) => chains.All(c => c.Count > depth && c[depth].Id == unit.Id)).LastOrDefault();
    }

    /// <summary>The period a document's figures count over: the inspection's, to the day it was concluded when that is later.</summary>
    private static (DateOnly From, DateOnly To) PeriodOf(Inspection inspection)
    {
        var to = new[] { inspection.PeriodTo, inspection.ConcludedOn }.Max() ?? inspection.DecidedOn;
        return (inspection.PeriodFrom ?? new DateOnly(to.Year, 1, 1), to);
    }

    /// <summary>The body inspected a document is of: a self-assessment's issuer; none for the delegation's documents, which are of the inspection's targets.</summary>
    private static Guid? InspectedOf(InspectionDocument document) => document.Kind == DocumentKind.SelfAssessment ? document.IssuerUnitId : null;

    private async Task<DocumentFigures?> TakeFiguresAsync(InspectionDocument document, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        if ((graph.At(document.UnitId, document.To) ?? graph.Latest(document.UnitId)) is not { } unit)
        {
            return null;
        }

        var template = TemplateOf(document.Kind);
        var vietnamese = await report.DraftAsync(unit.Code, document.From, document.To, english: false, template, document.InspectionId, InspectedOf(document), cancellationToken);
        var english = await report.DraftAsync(unit.Code, document.From, document.To, english: true, template, document.InspectionId, InspectedOf(document), cancellationToken);
        return vietnamese is null || english is null
            ? null
            : new DocumentFigures
            {
                DocumentId = document.Id, TakenAt = time.GetUtcNow(),
                Vietnamese = new FigureBlocks(vietnamese.Body, vietnamese.Annex).ToJson(), English = new FigureBlocks(english.Body, english.Annex).ToJson(),
            };
    }

    /// <summary>The text of a save, checked: each narrative's key a section of the document's template, each request's unit one the caller may act for.</summary>
    private async Task<DocumentText?> CheckTextAsync(InspectionDocument document, DocumentTextRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var keys = TemplateOf(document.Kind).Sections.Where(s => s.Kind != ReportSectionKind.Requests).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var narrative = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Narrative ?? new Dictionary<string, string?>())
        {
            if (!keys.Contains(key))
            {
                errors.Add(RecordMessages.NotOneOf.For($"narrative.{key}", key, string.Join(", ", keys)));
            }
            else if (RequestFields.Text(value, $"narrative.{key}", NarrativeLength, errors, required: false, multiline: true) is { } text)
            {
                narrative[key] = text;
            }
        }

        var requests = new List<DocumentRequest>();
        var given = request.Requests ?? [];
        if (given.Count > MostRequests)
        {
            errors.Add(RecordMessages.OutOfRange.For("requests", given.Count, 0, MostRequests));
        }

        foreach (var (item, index) in given.Take(MostRequests).Select((r, i) => (r, i)))
        {
            var at = $"requests[{index}]";
            if (string.IsNullOrWhiteSpace(item.Owner) && string.IsNullOrWhiteSpace(item.Text) && string.IsNullOrWhiteSpace(item.DueOn))
            {
                continue;
            }

            var unit = await RequestFields.UnitAsync(scope, item.Owner, $"{at}.owner", document.To, errors, cancellationToken);
            var text = RequestFields.Text(item.Text, $"{at}.text", RequestLength, errors, required: true, multiline: true);
            var due = string.IsNullOrWhiteSpace(item.DueOn) ? null : RequestFields.Date(item.DueOn, $"{at}.dueOn", errors);
            if (unit is not null && text is not null)
            {
                requests.Add(new DocumentRequest(unit.Code, text, due));
            }
        }

        var figures = new List<StatedFigure>();
        var stated = TemplateOf(document.Kind).Sections.Where(s => s.Kind == ReportSectionKind.Stated).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var rows = request.Figures ?? [];
        if (rows.Count > MostFigures)
        {
            errors.Add(RecordMessages.OutOfRange.For("figures", rows.Count, 0, MostFigures));
        }

        var unitCode = (await scope.GraphAsync(cancellationToken)).At(document.UnitId, document.To)?.Code;
        foreach (var (row, index) in rows.Take(MostFigures).Select((r, i) => (r, i)))
        {
            var at = $"figures[{index}].";
            if (string.IsNullOrWhiteSpace(row.Description) && string.IsNullOrWhiteSpace(row.Value))
            {
                continue;
            }

            if (row.Section is null || !stated.TryGetValue(row.Section, out var section))
            {
                errors.Add(RecordMessages.NotOneOf.For($"{at}section", row.Section ?? "", string.Join(", ", stated.Keys)));
                continue;
            }

            var claim = new ClaimRequest(null, unitCode, row.From, row.To, row.Indicator, row.Description, row.Value, row.Comparison, row.Numerator, row.Denominator, section.Heading?.Vi ?? section.Key);
            if (await claims.CheckAsync(claim, errors, at, cancellationToken) is { } fields)
            {
                figures.Add(new StatedFigure(section.Key, fields.IndicatorCode, fields.From, fields.To, fields.Description, fields.Written, fields.Comparison, fields.Numerator, fields.Denominator));
            }
        }

        // Kept in the order of the sections, as the document reads them.
        var order = stated.Keys.Select((key, i) => (key, i)).ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        return errors.Count > 0 ? null : new DocumentText(narrative, requests) { Figures = figures.OrderBy(f => order[f.Section]).ToList() };
    }

    /// <summary>
    /// The figures a self-assessment offers to start from: each indicator its sections name, as the records give it over
    /// the document's period, with a sentence naming it; none that has nothing to count.
    /// </summary>
    private async Task<IReadOnlyList<StatedFigure>> RecordedFiguresAsync(InspectionDocument document, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var sections = TemplateOf(document.Kind).Sections.Where(s => s.Kind == ReportSectionKind.Stated).ToList();
        if ((graph.At(document.UnitId, document.To) ?? graph.Latest(document.UnitId)) is not { } unit
            || await engine.ForUnitAsync(unit.Code, document.From, document.To, IndicatorStructure.AsOf, engine.Catalog.Require(sections.SelectMany(s => s.Figures).Distinct()), cancellationToken) is not { } values)
        {
            return [];
        }

        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return sections.SelectMany(section => section.Figures.Select(values.Of)
            .Where(v => v.Value is not null && (v.Definition.Unit != IndicatorUnit.Count || v.Numerator > 0))
            .Select(v =>
            {
                var rate = v.Definition.Unit == IndicatorUnit.Percent;
                var parts = rate ? $" ({Formats.Number(v.Numerator, culture)}/{Formats.Number(v.Denominator ?? 0, culture)})" : "";
                return new StatedFigure(
                    section.Key, v.Definition.Code, document.From, document.To, $"{v.Definition.Name(false)}: {v.Display(culture)}{parts}.", v.Display(culture), ClaimComparison.Exact,
                    rate ? v.Numerator : null, rate ? v.Denominator : null);
            })).ToList();
    }

    /// <summary>
    /// Makes the figures an issued self-assessment states the unit's claims, each with the sentence it came from and, as
    /// its source, the report's number, date and section: the claims it made before are corrected in turn, those it no
    /// longer states removed, and new ones numbered after the unit's claims of the year (BC-277-2024-34). An error names
    /// the figure when one no longer passes the checks of a claim.
    /// </summary>
    private async Task StateClaimsAsync(InspectionDocument document, DocumentText text, List<FieldError> errors, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var unit = graph.At(document.UnitId, document.To) ?? graph.Latest(document.UnitId)!;
        var issuedOn = document.IssuedOn!.Value;
        var issuer = graph.At(document.IssuerUnitId, issuedOn) ?? graph.Latest(document.IssuerUnitId)!;
        var template = TemplateOf(document.Kind);
        var layout = DocumentLayout.For(graph, issuer, issuedOn);
        var number = layout.NumberLine(false, document.Number!.Value.ToString(CultureInfo.InvariantCulture), template.Symbol.Kind, template.IssuerSymbolOf(layout.Kind, unit.Name));
        var headings = template.Sections.ToDictionary(s => s.Key, s => s.Heading?.Vi ?? s.Key, StringComparer.Ordinal);
        var earlier = await db.ReportedFigures.Where(c => c.DocumentId == document.Id).OrderBy(c => c.Reference).ToListAsync(cancellationToken);
        var prefix = $"BC-{unit.Code}-{issuedOn.Year}-";
        var taken = await db.ReportedFigures.Where(c => c.Reference.StartsWith(prefix)).Select(c => c.Reference).ToListAsync(cancellationToken);
        var last = taken.Select(r => int.TryParse(r[prefix.Length..], CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max();
        foreach (var (figure, index) in text.Figures.Select((f, i) => (f, i)))
        {
            var source = $"Báo cáo {char.ToLower(number[0], CultureInfo.InvariantCulture)}{number[1..]} ngày {Formats.Date(issuedOn)} của {issuer.Name}, mục “{headings[figure.Section]}”";
            var request = new ClaimRequest(
                null, unit.Code, IsoDate.Format(figure.From), IsoDate.Format(figure.To), figure.Indicator, figure.Description, figure.Written,
                WireNames<ClaimComparison>.ToWire(figure.Comparison), figure.Numerator, figure.Denominator, source);
            if (await claims.CheckAsync(request, errors, $"figures[{index}].", cancellationToken) is not { } fields)
            {
                continue;
            }

            var claim = index < earlier.Count
                ? earlier[index]
                : db.ReportedFigures.Add(new ReportedFigure { Reference = $"{prefix}{++last:00}", Description = fields.Description, Written = fields.Written, Source = source, DocumentId = document.Id }).Entity;
            fields.ApplyTo(claim);
        }

        db.ReportedFigures.RemoveRange(earlier.Skip(text.Figures.Count));
    }

    /// <summary>A notice sets tasks: at least one request, each with a deadline after the day it is issued.</summary>
    private static void CheckTasks(DocumentText text, DateOnly? issuedOn, List<FieldError> errors)
    {
        if (text.Requests.Count == 0)
        {
            errors.Add(RecordMessages.NoRequests.For("requests"));
        }

        foreach (var (request, index) in text.Requests.Select((r, i) => (r, i)))
        {
            if (request.DueOn is not { } due)
            {
                errors.Add(RecordMessages.Required.For($"requests[{index}].dueOn"));
            }
            else if (due <= issuedOn)
            {
                errors.Add(RecordMessages.DueBeforeIssue.For($"requests[{index}].dueOn", due, issuedOn));
            }
        }
    }

    /// <summary>The notice's requests as follow-up tasks of the inspection, numbered after those it already has.</summary>
    private async Task AddTasksAsync(InspectionDocument notice, Inspection inspection, DocumentText text, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var existing = await db.FollowUpTasks.CountAsync(t => t.InspectionId == inspection.Id, cancellationToken);
        var dash = inspection.Reference.IndexOf('-', StringComparison.Ordinal);
        var stem = dash > 0 && inspection.Reference[..dash].All(char.IsLetter) ? inspection.Reference[(dash + 1)..] : inspection.Reference;
        foreach (var (request, index) in text.Requests.Select((r, i) => (r, i)))
        {
            db.FollowUpTasks.Add(new FollowUpTask
            {
                Reference = $"NV-{stem}-{existing + index + 1:D2}", InspectionId = inspection.Id, OwnerUnitId = graph.Find(request.Owner, notice.To)!.Id,
                Description = request.Text, DueOn = request.DueOn!.Value, Status = FollowUpStatus.Open, NoticeId = notice.Id,
            });
        }
    }

    private async Task<RecordResult<InspectionDocument>> StepAsync(
        Guid id, Guid? expectedStamp, Func<DocumentPermissions, bool> allowed, DocumentStatus from, DocumentStatus to, DocumentAction action, string? note, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not var (document, _, may, latest))
        {
            return new(null, [], NotFound: true);
        }

        if (Refusal(allowed(may), document, from) is { } refused)
        {
            return new(null, [refused]);
        }

        return await db.SaveEditAsync(document, expectedStamp, [], () =>
        {
            document.Status = to;
            AddStep(document, action, latest.Sequence, note);
        }, cancellationToken);
    }

    private static FieldError? Refusal(bool allowed, InspectionDocument document, DocumentStatus expected) =>
        !allowed ? RecordMessages.DocumentNotYours.For(string.Empty)
        : document.Status != expected ? RecordMessages.DocumentNotNow.For(string.Empty, WireNames<DocumentStatus>.ToWire(document.Status))
        : null;

    private async Task<RecordResult<InspectionDocument>> SaveStepAsync(InspectionDocument document, CancellationToken cancellationToken)
    {
        document.ConcurrencyStamp = Guid.NewGuid();
        await db.SaveChangesAsync(cancellationToken);
        return new(document, [], Changed: true);
    }

    private void AddVersion(InspectionDocument document, int sequence, Guid figuresId, DocumentText text, string? reason) =>
        db.DocumentVersions.Add(new DocumentVersion
        {
            DocumentId = document.Id, UnitId = document.UnitId, Sequence = sequence, FiguresId = figuresId, Text = text.ToJson(), Reason = reason,
            SavedAt = time.GetUtcNow(), SavedBy = caller.Name,
        });

    private void AddStep(InspectionDocument document, DocumentAction action, int version, string? note) =>
        db.DocumentSteps.Add(new DocumentStep { DocumentId = document.Id, UnitId = document.UnitId, Action = action, Version = version, Note = note, At = time.GetUtcNow(), By = caller.Name });

    /// <summary>A document, tracked, with its inspection, what the caller may do and its latest version; null when it does not exist for the caller.</summary>
    private async Task<(InspectionDocument Document, Inspection Inspection, DocumentPermissions May, DocumentVersion Latest)?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await ReadAsync(db.InspectionDocuments, id, cancellationToken) is not var (document, inspection))
        {
            return null;
        }

        var latest = await db.DocumentVersions.AsNoTracking().Where(v => v.DocumentId == id).OrderByDescending(v => v.Sequence).FirstAsync(cancellationToken);
        return (document, inspection, await PermissionsAsync(document, inspection, cancellationToken), latest);
    }

    /// <summary>A document (from <paramref name="documents"/>, tracked or not) with its inspection; null when it does not exist for the caller.</summary>
    private async Task<(InspectionDocument Document, Inspection Inspection)?> ReadAsync(IQueryable<InspectionDocument> documents, Guid id, CancellationToken cancellationToken)
    {
        var document = await documents.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return null;
        }

        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Team).Include(i => i.Targets).AsSplitQuery().FirstAsync(i => i.Id == document.InspectionId, cancellationToken);
        return await SeesAsync(document, inspection, cancellationToken) ? (document, inspection) : null;
    }

    /// <summary>
    /// The caller's part in an inspection: on its side (drafts its documents), its head, a leader of the body that set it
    /// up, or acting for the body inspected (drafts its self-assessment) and a leader there.
    /// </summary>
    private sealed record Side(bool Drafts, bool Head, bool DecidingLeader, IReadOnlyList<Guid> Bodies, bool Leader)
    {
        /// <summary>Whether the caller writes documents of the kind: a self-assessment for a body inspected it acts for, the others on the inspecting side.</summary>
        public bool Writes(DocumentKind kind) => kind == DocumentKind.SelfAssessment ? Bodies.Count > 0 : Drafts;

        public bool Writes(InspectionDocument document) => document.Kind == DocumentKind.SelfAssessment ? Bodies.Contains(document.IssuerUnitId) : Drafts;
    }

    private async Task<Side> SideAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var targets = inspection.Targets.OrderBy(t => t.Id).Select(t => t.UnitId).OfType<Guid>().Distinct().ToList();
        if (caller.IsAdministrator)
        {
            return new(true, true, true, targets, true);
        }

        var personId = caller.UserId is { } userId ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken) : null;
        var member = personId is not null && inspection.Team.Any(m => m.PersonId == personId);
        var head = personId is not null && inspection.Team.Any(m => m.IsLead && m.PersonId == personId);
        var filter = await scope.FilterAsync(cancellationToken);
        var deciding = filter.Contains(inspection.DecidingUnitId);
        // The bodies inspected the caller acts for, who write their own self-assessments; the inspecting side writes none.
        var bodies = deciding || member ? [] : targets.Where(filter.Contains).ToList();
        var leader = caller.IsInRole(Roles.Leader);
        return new(member || deciding, head, deciding && leader, bodies, leader);
    }

    private async Task<DocumentPermissions> PermissionsAsync(InspectionDocument document, Inspection inspection, CancellationToken cancellationToken)
    {
        var side = await SideAsync(inspection, cancellationToken);
        if (document.Kind == DocumentKind.SelfAssessment)
        {
            var own = side.Writes(document);
            return new DocumentPermissions(own, own && side.Leader, own && side.Leader);
        }

        // A team recorded by names only has no head to act: a leader of the body that set it up acts in the head's place.
        var headless = inspection.Team.All(m => !m.IsLead || m.PersonId is null);
        var reviews = side.Head || (side.DecidingLeader && (document.Kind == DocumentKind.ConclusionNotice || headless));
        return new DocumentPermissions(side.Drafts, reviews, reviews);
    }

    /// <summary>Those who write a document see it at every step; the other side of the inspection sees it once issued.</summary>
    private async Task<bool> SeesAsync(InspectionDocument document, Inspection inspection, CancellationToken cancellationToken) =>
        (await SideAsync(inspection, cancellationToken)).Writes(document)
        || (document.Status == DocumentStatus.Issued && await SeesInspectionAsync(inspection, cancellationToken));

    private async Task<bool> SeesInspectionAsync(Inspection inspection, CancellationToken cancellationToken)
    {
        var filter = await scope.FilterAsync(cancellationToken);
        return filter.Contains(inspection.DecidingUnitId) || inspection.Targets.Any(t => t.UnitId is { } unit && filter.Contains(unit));
    }
}

/// <summary>What is written for a document, as a form or request sends it: the narrative by section key, the requests, and a self-assessment's figures.</summary>
public sealed record DocumentTextRequest(IReadOnlyDictionary<string, string?>? Narrative, IReadOnlyList<DocumentRequestFields>? Requests, IReadOnlyList<StatedFigureFields>? Figures = null);

/// <summary>A figure of a self-assessment as a form sends it: its section's key, the indicator's code (none for a figure no indicator gives), the period, the sentence, the value as written and how it compares, and a rate's parts.</summary>
public sealed record StatedFigureFields(
    string? Section, string? Indicator, string? From, string? To, string? Description, string? Value, string? Comparison, long? Numerator, long? Denominator);

public sealed record DocumentRequestFields(string? Owner, string? Text, string? DueOn);
