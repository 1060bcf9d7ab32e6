using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Indicators;
using Oversight.Organisation;
using Oversight.Scores;
using Oversight.Text;

namespace Oversight.Reports;

/// <summary>
/// Writes the inspection / progress report of a unit's subtree for a period, from the records, following
/// <see cref="ReportTemplate"/>: sentences and tables of indicator values per area, the unit's rank among its peers,
/// the conclusions and their follow-up, the reconciliation of the unit's reported figures with the validation rules,
/// and an annex listing the records behind every figure.
/// </summary>
public sealed class InspectionReport(
    CallerScope scope,
    OversightDbContext db,
    IndicatorEngine engine,
    Reconciliation reconciliation,
    IndicatorValidation validation,
    AccountabilityRegister register,
    IndexScores indexScores,
    TimeProvider time)
{
    /// <summary>The most records the annex lists for one figure.</summary>
    public const int AnnexRecordsPerFigure = 1000;

    private const int MostTasks = 500;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// The report as the command line and the reports page write it: the figures of the records today, nothing written
    /// for it; null when the unit does not exist in the period for the caller.
    /// </summary>
    public async Task<ReportDocument?> BuildAsync(string unitCode, DateOnly from, DateOnly to, bool english, ReportTemplate? template = null, CancellationToken cancellationToken = default) =>
        (await DraftAsync(unitCode, from, to, english, template, inspectionId: null, cancellationToken: cancellationToken))?.Complete(ReportText.Empty);

    /// <summary>
    /// The report with its figures, and places kept for the narrative and requests written in Oversight
    /// (<see cref="ReportDocument.Complete"/>): what a document locks to its versions. It reports on the inspection with
    /// <paramref name="inspectionId"/>, or when none is given on the latest that an outside body made of the unit; of the
    /// body inspected <paramref name="inspectedId"/> (the inspection's first target when none is given). Null when the
    /// unit does not exist in the period for the caller.
    /// </summary>
    public async Task<ReportDocument?> DraftAsync(
        string unitCode, DateOnly from, DateOnly to, bool english, ReportTemplate? template, Guid? inspectionId, Guid? inspectedId = null, CancellationToken cancellationToken = default)
    {
        template ??= ReportTemplate.Shipped;

        // The headline figures, and the parts of them the sentences name (the online rate at district level).
        var named = template.Sections.SelectMany(s => s.Sentences).SelectMany(s => ReportTemplate.Placeholders(s.Vi).Concat(ReportTemplate.Placeholders(s.En)))
            .Select(p => engine.Catalog.Find(p.Code)!);
        var indicators = (template.Annex ? engine.Catalog.Headline : []).Concat(named).Distinct().ToArray();
        if (await engine.ForUnitAsync(unitCode, from, to, IndicatorStructure.AsOf, indicators, cancellationToken) is not { } values)
        {
            return null;
        }

        var writer = new Writer(english, values.Values.ToDictionary(v => v.Definition.Code, StringComparer.Ordinal));
        var setting = await SettingAsync(values.Unit, to, inspectionId, inspectedId, template, cancellationToken);
        var unit = values.Unit;
        var checks = (await reconciliation.ReconcileAsync(unitCode, from, to, cancellationToken))?.Checks ?? [];
        var ownPeriods = new Dictionary<string, PeriodValue>(StringComparer.Ordinal);
        var body = new List<ReportBlock>();
        foreach (var part in template.Parts)
        {
            if (part.Heading is { } partHeading)
            {
                body.Add(new ReportHeading(1, partHeading.In(english)));
            }
            foreach (var section in part.Sections)
            {
                if (section.Heading is { } heading)
                {
                    body.Add(new ReportHeading(2, heading.In(english)));
                }

                if (section.Kind == ReportSectionKind.Basis)
                {
                    body.AddRange(BasisBlocks(writer, template, setting, from, to));
                }

                foreach (var sentence in section.Sentences.Select(s => s.In(english)))
                {
                    if (await SentenceAsync(writer, unit, from, to, sentence, checks, ownPeriods, cancellationToken) is { } text)
                    {
                        body.Add(new ReportParagraph(text));
                    }
                }

                body.Add(new ReportNarrative(section.Key));
                var areaIndicators = values.Values.Where(v => v.Definition.Area == section.Area).ToArray();
                switch (section.Kind)
                {
                    case ReportSectionKind.Indicators:
                        body.Add(writer.IndicatorTable((section.Heading ?? part.Heading)?.In(english) ?? "", areaIndicators, ownPeriods));
                        break;
                    case ReportSectionKind.Rankings:
                        body.AddRange(await RankingsAsync(writer, unit, setting.Parent, from, to, cancellationToken));
                        break;
                    case ReportSectionKind.FollowUp:
                        body.Add(writer.IndicatorTable((section.Heading ?? part.Heading)?.In(english) ?? "", areaIndicators, ownPeriods));
                        body.AddRange(await FollowUpAsync(writer, unitCode, from, to, cancellationToken));
                        break;
                    case ReportSectionKind.Requests:
                        body.Add(new ReportRequests());
                        break;
                }
            }
        }

        var annex = template.Annex ? await AnnexAsync(writer, template, setting, values, checks, from, to, cancellationToken) : [];
        return Frame(writer, template, setting, from, to, issue: null) with { Body = body, Annex = annex };
    }

    /// <summary>
    /// The parts of the report that are not figures, for the unit with <paramref name="unitId"/>: its layout, header (with
    /// the number and date it was issued with, if it was), subject, signature and recipients; null when there is no such
    /// unit. For a document the caller was found to see: its frame names no more than the document does.
    /// </summary>
    public async Task<ReportDocument?> FrameAsync(
        Guid unitId, Guid inspectionId, Guid? inspectedId, DateOnly from, DateOnly to, bool english, ReportTemplate template, ReportIssue? issue, CancellationToken cancellationToken = default)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        if ((graph.At(unitId, to) ?? graph.Latest(unitId)) is not { } unit)
        {
            return null;
        }

        var writer = new Writer(english, new Dictionary<string, IndicatorValue>());
        return Frame(writer, template, await SettingAsync(unit, to, inspectionId, inspectedId, template, cancellationToken), from, to, issue);
    }

    /// <summary>
    /// What the report is written from besides its figures: the unit, the body above it, the inspection, the body that
    /// decided it and the body inspected, the body that issues the document (<see cref="ReportTemplate.IssuedBy"/>), and so
    /// the layout and the signer's name.
    /// </summary>
    private sealed record Setting(
        UnitGraph Graph, UnitSnapshot Unit, UnitSnapshot? Parent, Inspection? Inspection, UnitSnapshot? Decider, UnitSnapshot? Inspected, DocumentLayout Layout, string? Signer);

    private async Task<Setting> SettingAsync(UnitSnapshot unit, DateOnly to, Guid? inspectionId, Guid? inspectedId, ReportTemplate template, CancellationToken cancellationToken)
    {
        var graph = await scope.GraphAsync(cancellationToken);
        var parent = unit.ParentId is { } parentId ? graph.At(parentId, to) : null;
        var inspection = inspectionId is { } id
            ? await db.Inspections.AsNoTracking().Include(i => i.Targets).Include(i => i.Team).AsSplitQuery().FirstAsync(i => i.Id == id, cancellationToken)
            : await InspectionOfAsync(graph, unit, to, cancellationToken);
        var decider = inspection is null ? parent : graph.At(inspection.DecidingUnitId, inspection.DecidedOn) ?? graph.Latest(inspection.DecidingUnitId);
        var inspected = inspection?.Targets.OrderBy(t => t.Id).Select(t => t.UnitId).OfType<Guid>().Prepend(inspectedId ?? Guid.Empty).Where(id => id != Guid.Empty)
            .Select(id => graph.At(id, inspection.DecidedOn) ?? graph.Latest(id)).FirstOrDefault(u => u is not null);
        var issuer = template.IssuedBy == DocumentIssuer.Inspected ? inspected : decider;
        var layout = inspection is not null && issuer is not null ? DocumentLayout.For(graph, issuer, inspection.DecidedOn) : DocumentLayout.Shipped[DocumentLayoutKind.State];
        // The delegation's head signs its documents; a body inspected signs by the holder of the post the signature names.
        var signer = template.IssuedBy == DocumentIssuer.Inspected
            ? inspected is null ? null : await HolderAsync(inspected.Id, template.WordingFor(layout.Kind).Signer.Vi, to, cancellationToken)
            : inspection?.Team.FirstOrDefault(m => m.IsLead)?.Name;
        return new(graph, unit, parent, inspection, decider, inspected, layout, signer);
    }

    /// <summary>The person holding a post of the unit on the day whose title begins with <paramref name="title"/> ("Bí thư Huyện ủy" for "BÍ THƯ"), if one does.</summary>
    private async Task<string?> HolderAsync(Guid unitId, string title, DateOnly day, CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.UnitId == unitId && (p.From == null || p.From <= day) && (p.To == null || p.To >= day))
            .Join(db.People, p => p.PersonId, person => person.Id, (p, person) => new { p.Title, person.FullName })
            .ToListAsync(cancellationToken);
        return posts.Where(p => p.Title.StartsWith(title, true, Vietnamese)).Select(p => p.FullName).OrderBy(n => n, StringComparer.Ordinal).FirstOrDefault();
    }

    private ReportDocument Frame(Writer writer, ReportTemplate template, Setting setting, DateOnly from, DateOnly to, ReportIssue? issue)
    {
        var (graph, unit, _, inspection, decider, inspected, layout, signer) = setting;
        var english = writer.English;
        var looked = inspected?.Name ?? unit.Name;
        var selfIssued = template.IssuedBy == DocumentIssuer.Inspected;
        var wording = template.WordingFor(layout.Kind);
        // A delegation issues under the body that set it up; a body issuing itself writes its own name, and the symbol
        // it writes after its decisions' numbers ("…-QĐ/TU"); a body inspected, the symbol of a committee of its unit's kind.
        var issuer = selfIssued ? looked.ToUpper(writer.Culture) : template.Issuer?.In(english) ?? decider?.Name.ToUpper(writer.Culture) ?? unit.Name.ToUpper(writer.Culture);
        var symbol = selfIssued ? template.IssuerSymbolOf(layout.Kind, unit.Name)
            : template.Issuer is null && inspection?.DecisionNumber is { } decision && decision.LastIndexOf('/') is var slash and >= 0 && slash < decision.Length - 1
            ? decision[(slash + 1)..]
            : template.Symbol.Issuer;
        var header = new ReportHeader(
            template.Issuer is null || selfIssued ? null : decider?.Name.ToUpper(writer.Culture),
            issuer,
            layout.NumberLine(english, issue?.Number.ToString(CultureInfo.InvariantCulture) ?? NumberToBeGiven, template.Symbol.Kind, symbol),
            layout.Title.Select(t => t.In(english)).ToList(),
            layout.PlaceAndDateLine(english, selfIssued ? UnitKinds.PlaceName(unit.Name) : PlaceOf(graph, unit, to), issue?.On ?? VietnamTime.Today(time)));
        var signature = new ReportSignature(
            $"{layout.SignedFor.In(english)} {wording.SignedFor?.In(english) ?? issuer}", wording.Signer.In(english), signer);
        // A line for the body above goes only where there is one (a province's own report has none).
        var recipients = template.Recipients.Select(r => r.In(english))
            .Where(r => decider is not null || !r.Contains("{decider}", StringComparison.Ordinal))
            .Select(r => ReportTemplate.Fill(r, ("decider", decider?.Name ?? ""), ("unit", looked))).ToList();
        return new ReportDocument(
            layout,
            header,
            template.Kind.In(english),
            inspection is null
                ? ReportTemplate.Fill(template.Subject.In(english), ("unit", unit.Name), ("from", writer.Date(from)), ("to", writer.Date(to)))
                : ReportTemplate.Fill(template.InspectionSubject.In(english), ("inspection", TitleInSentence(inspection, writer))),
            [],
            signature,
            recipients,
            [],
            english);
    }

    /// <summary>Part I's opening: the decision that set up the inspection, its team, and the unit and period looked at.</summary>
    private static IEnumerable<ReportBlock> BasisBlocks(Writer writer, ReportTemplate template, Setting setting, DateOnly from, DateOnly to)
    {
        var english = writer.English;
        if (setting.Inspection is { } inspection)
        {
            var decision = inspection.DecisionNumber is { } number ? (english ? $" No. {number}" : $" số {number}") : "";
            yield return new ReportParagraph(ReportTemplate.Fill(
                template.WordingFor(setting.Layout.Kind).Basis.In(english),
                ("inspection", TitleInSentence(inspection, writer)),
                ("decider", setting.Decider?.Name ?? ""),
                ("decided", writer.Date(inspection.DecidedOn)),
                ("concluded", inspection.ConcludedOn is { } concluded ? writer.Date(concluded) : ""),
                ("inspected", setting.Inspected?.Name ?? setting.Unit.Name),
                ("decision", decision)));
            if (template.Team is { } team && inspection.Team.Count > 0)
            {
                var members = inspection.Team.OrderByDescending(m => m.IsLead).Select(m => m.Role is { } role ? $"{m.Name}, {role}" : m.Name);
                yield return new ReportParagraph(ReportTemplate.Fill(team.In(english), ("count", writer.Count(inspection.Team.Count)), ("members", string.Join("; ", members))));
            }
        }

        if (template.Introduction is { } introduction)
        {
            yield return new ReportParagraph(ReportTemplate.Fill(introduction.In(english), ("unit", setting.Unit.Name), ("from", writer.Date(from)), ("to", writer.Date(to))));
        }
    }

    /// <summary>
    /// A template sentence, written for the period the unit itself reported its figures for when that is another part of
    /// the report's period (the Secretary's receptions from August to May in a report to July): the claims of the unit on
    /// the sentence's indicators all name that period. Its figures are then the engine's for that period, and the
    /// sentence says so; the reconciliation compares the same figures, and the section's table shows them too (added to
    /// <paramref name="ownPeriods"/>).
    /// </summary>
    private async Task<string?> SentenceAsync(
        Writer writer, UnitSnapshot unit, DateOnly from, DateOnly to, string sentence, IReadOnlyList<ClaimCheck> checks, Dictionary<string, PeriodValue> ownPeriods,
        CancellationToken cancellationToken)
    {
        var codes = ReportTemplate.Placeholders(sentence).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var periods = checks
            .Where(c => c.Claim.UnitId == unit.Id && c.Claim.IndicatorCode is { } code && codes.Contains(code))
            .Select(c => (c.Claim.From, c.Claim.To))
            .Distinct()
            .ToList();
        if (periods is not [var (partFrom, partTo)] || (partFrom, partTo) == (from, to) || partFrom < from || partTo > to)
        {
            return writer.Sentence(sentence);
        }

        var part = await engine.ForUnitAsync(unit.Code, partFrom, partTo, IndicatorStructure.AsOf, engine.Catalog.Require(codes), cancellationToken);
        foreach (var value in part?.Values ?? [])
        {
            ownPeriods[value.Definition.Code] = new(partFrom, partTo, value);
        }

        var text = part is null ? null : writer.For(part.Values).Sentence(sentence);
        return text is null
            ? null
            : (writer.English ? $"From {writer.Date(partFrom)} to {writer.Date(partTo)}: " : $"Từ ngày {writer.Date(partFrom)} đến ngày {writer.Date(partTo)}: ") + text;
    }

    /// <summary>A figure counted over a part of the report's period, the one its sentence is written for.</summary>
    private sealed record PeriodValue(DateOnly From, DateOnly To, IndicatorValue Value);

    /// <summary>Where the number goes until the document is issued and numbered: room to write it by hand.</summary>
    private const string NumberToBeGiven = "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0";

    /// <summary>
    /// The inspection the report is the result of: the latest decided by the end of the period, by a body outside the unit,
    /// that looked at the unit or a body under it; null when none did (a report of the unit's own progress).
    /// </summary>
    private async Task<Inspection?> InspectionOfAsync(UnitGraph graph, UnitSnapshot unit, DateOnly to, CancellationToken cancellationToken)
    {
        var under = graph.EverUnder(unit.Id).Append(unit.Id).ToList();
        return await db.Inspections.AsNoTracking().Include(i => i.Targets).Include(i => i.Team)
            .Where(i => i.DecidedOn <= to && !under.Contains(i.DecidingUnitId) && i.Targets.Any(t => t.UnitId != null && under.Contains(t.UnitId.Value)))
            .OrderByDescending(i => i.DecidedOn).ThenBy(i => i.Reference)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>An inspection's title inside a sentence: "Kiểm tra việc…" → "kiểm tra việc…" after "Kết quả"; quoted as it is in English.</summary>
    private static string TitleInSentence(Inspection inspection, Writer writer) => writer.English ? inspection.Title : LowerFirst(inspection.Title, writer.Culture);

    /// <summary>"Kiểm tra việc…" → "kiểm tra việc…", to follow "Kết quả".</summary>
    private static string LowerFirst(string text, CultureInfo culture) =>
        text.Length == 0 ? text : char.ToLower(text[0], culture) + text[1..];

    /// <summary>The province the unit lies in on the day, named as a place ("Hà Nội"), for the place and date line.</summary>
    private static string PlaceOf(UnitGraph graph, UnitSnapshot unit, DateOnly day) =>
        UnitKinds.PlaceName((graph.Ancestors(unit.Id, day).FirstOrDefault() ?? unit).Name);

    private async Task<IReadOnlyList<ReportBlock>> RankingsAsync(Writer writer, UnitSnapshot unit, UnitSnapshot? parent, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock>();
        foreach (var index in await indexScores.IndicesForAsync(unit.Code, cancellationToken))
        {
            if (await indexScores.ForUnitAsync(unit.Code, index.Code, cancellationToken: cancellationToken) is { } scores)
            {
                blocks.AddRange(IndexBlocks(writer, scores, to.Year));
            }
        }

        return [.. blocks, .. await IndicatorRankingsAsync(writer, unit, parent, from, to, cancellationToken)];
    }

    /// <summary>The unit's score and rank on an external index in each year up to <paramref name="lastYear"/>, and where it lost most in the last of them.</summary>
    private static IEnumerable<ReportBlock> IndexBlocks(Writer writer, UnitIndexScores scores, int lastYear)
    {
        var years = scores.Years.Where(y => y.Year <= lastYear && y.Total.Score is not null).ToArray();
        if (years.Length == 0)
        {
            yield break;
        }

        var latest = years[^1];
        var name = scores.Index.Name(writer.English);
        var total = latest.Total;
        var lost = latest.ByPointsLost(1).Where(c => c.Standing.PointsLost > 0).Take(3).ToArray();
        string Losses() => string.Join("; ", lost.Select(c => $"{c.Component.Name(writer.English)} ({writer.Score(c.Standing.Score!.Value)}/{writer.Score(c.Standing.MaxScore)}, {writer.Score(c.Standing.PointsLost!.Value)} {(writer.English ? "below the median" : "điểm thấp hơn trung vị")})"));
        var sentence = writer.English
            ? $"{name}, {latest.Year}: {scores.Unit.Name} scored {writer.Score(total.Score!.Value)} of {writer.Score(total.MaxScore)} and ranked {writer.Rank(total.Rank)} of {writer.Count(total.Ranked)} (median {writer.Score(total.Median ?? 0)})."
                + (lost.Length > 0 ? $" It lost most against the median on: {Losses()}." : "")
            : $"{name} năm {latest.Year}: {scores.Unit.Name} đạt {writer.Score(total.Score!.Value)}/{writer.Score(total.MaxScore)} điểm, xếp thứ {writer.Rank(total.Rank)}/{writer.Count(total.Ranked)} (trung vị {writer.Score(total.Median ?? 0)} điểm)."
                + (lost.Length > 0 ? $" Các lĩnh vực thấp hơn trung vị nhiều nhất: {Losses()}." : "");
        yield return new ReportParagraph(sentence);
        var illustrative = years.Any(y => y.Illustrative) ? (writer.English ? " (illustrative figures)" : " (số liệu minh họa)") : "";
        yield return new ReportTable(
            $"{name}{illustrative}",
            writer.English ? "Index" : "Chỉ số",
            writer.English ? ["Year", "Score", "Maximum", "Rank", "Units ranked", "Median"] : ["Năm", "Điểm", "Điểm tối đa", "Hạng", "Số đơn vị được xếp", "Trung vị"],
            [1.2, 1.4, 1.4, 1.1, 1.8, 1.4],
            years.Select(y => new ReportRow(
                [y.Year.ToString(CultureInfo.InvariantCulture), writer.Score(y.Total.Score!.Value), writer.Score(y.Total.MaxScore), writer.Rank(y.Total.Rank), writer.Count(y.Total.Ranked),
                    y.Total.Median is { } median ? writer.Score(median) : "—"],
                Emphasis: y.Total.Rank == y.Total.Ranked && y.Total.Ranked > 1)).ToArray());
    }

    private async Task<IReadOnlyList<ReportBlock>> IndicatorRankingsAsync(Writer writer, UnitSnapshot unit, UnitSnapshot? parent, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var profile = await engine.ProfileAsync(unit.Code, from, to, cancellationToken);
        var telling = profile?.Telling ?? [];
        var peers = profile?.Rankings.FirstOrDefault()?.Peers.Count ?? 1;
        if (telling.Count == 0)
        {
            return [new ReportParagraph(writer.English
                ? $"Too few of the {peers - 1} peer units under {parent?.Name ?? "the same parent"} have records for any indicator to rank {unit.Name} among them: a unit without records would rank as if it had done none of what is counted."
                : $"Chưa đủ hồ sơ của {peers - 1} đơn vị cùng cấp thuộc {parent?.Name ?? "cùng đơn vị cấp trên"} để xếp hạng {unit.Name}: đơn vị chưa nhập hồ sơ sẽ bị xếp như chưa làm gì.")];
        }

        string Names(IEnumerable<Ranking> rankings) => string.Join("; ", rankings.Select(r => $"{r.Indicator.Name(writer.English)} ({writer.Rank(r.Own.Rank)}/{r.Peers.Count(p => p.Rank is not null)})"));
        return
        [
            new ReportParagraph(writer.English
                ? $"Among the {peers} units of its kind under {parent?.Name}: strongest on {Names(profile!.Best)}; weakest on {Names(profile.Worst)}."
                : $"Trong {peers} đơn vị cùng cấp thuộc {parent?.Name}: tốt nhất ở {Names(profile!.Best)}; yếu nhất ở {Names(profile.Worst)}."),
            new ReportTable(
                writer.English ? "Rank among peers" : "Xếp hạng so với các đơn vị cùng cấp",
                writer.English ? "Ranks" : "Xếp hạng",
                writer.English ? ["Indicator", "Value", "Rank", "Units ranked", "Previous period", "Rank then"] : ["Chỉ tiêu", "Giá trị", "Hạng", "Số đơn vị được xếp", "Kỳ trước", "Hạng kỳ trước"],
                [4, 1.4, 1, 1.5, 1.4, 1.3],
                telling.Select(r => new ReportRow([
                    r.Indicator.Name(writer.English), writer.Value(r.Own.Current!), writer.Rank(r.Own.Rank), writer.Count(r.Peers.Count(p => p.Rank is not null)),
                    writer.Value(r.Own.Previous!), writer.Rank(r.Own.PreviousRank)])).ToArray()),
        ];
    }

    /// <summary>The conclusions of the period and their tasks, as they stood at its end: the day the figures above them count to.</summary>
    private async Task<IReadOnlyList<ReportBlock>> FollowUpAsync(Writer writer, string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var tasksFigure = engine.Catalog.Indicators.First(i => i.Area == IndicatorArea.FollowUp && i.Denominator is not null);
        var counted = (await engine.RecordsAsync(unitCode, tasksFigure, true, from, to, IndicatorStructure.AsOf, MostTasks, cancellationToken))?.Records.Select(r => r.RecordId).ToHashSet() ?? [];
        var tasks = (await register.TasksAsync(new AccountabilityFilter(unitCode, to, null, null), null, 1, MostTasks, cancellationToken))?.Rows
            .Where(t => counted.Contains(t.Id)).OrderBy(t => t.DueOn).ThenBy(t => t.Reference).ToArray() ?? [];
        var inspectionIds = tasks.Select(t => t.InspectionId).Distinct().ToList();
        var conclusions = await db.Inspections.AsNoTracking()
            .Where(i => inspectionIds.Contains(i.Id) && i.ConcludedOn != null)
            .OrderBy(i => i.ConcludedOn).Select(i => new { i.Reference, i.ConcludedOn, i.Conclusion })
            .ToListAsync(cancellationToken);
        var blocks = new List<ReportBlock>();
        foreach (var conclusion in conclusions.Where(c => !string.IsNullOrWhiteSpace(c.Conclusion)))
        {
            blocks.Add(new ReportParagraph([
                new ReportRun(writer.English ? $"Conclusion of {conclusion.Reference} ({writer.Date(conclusion.ConcludedOn!.Value)}): " : $"Kết luận {conclusion.Reference} ({writer.Date(conclusion.ConcludedOn!.Value)}): ", Bold: true),
                new ReportRun(conclusion.Conclusion!)]));
        }

        if (tasks.Length > 0)
        {
            blocks.Add(new ReportTable(
                writer.English ? $"Follow-up tasks, as they stood on {writer.Date(to)}" : $"Nhiệm vụ theo kết luận, tình trạng đến ngày {writer.Date(to)}",
                writer.English ? "Tasks" : "Nhiệm vụ",
                writer.English ? ["Task", "What", "Owner", "Due", "Status"] : ["Nhiệm vụ", "Nội dung", "Đơn vị thực hiện", "Hạn", "Tình trạng"],
                [2.6, 4.4, 2, 1.7, 1.9],
                tasks.Select(t =>
                {
                    var doneOn = t.DoneOn <= to ? t.DoneOn : null;
                    var overdue = FollowUpTask.IsOverdue(t.DueOn, doneOn, to);
                    return new ReportRow([t.Reference, t.Description, t.Owner, writer.Date(t.DueOn), writer.TaskStatus(doneOn, overdue)], Emphasis: overdue);
                }).ToArray()));
        }

        return blocks;
    }

    private async Task<IReadOnlyList<ReportBlock>> ReconciliationAsync(
        Writer writer, IReadOnlyList<ClaimCheck> checks, string unitCode, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock>();
        var tally = string.Join(", ", Enum.GetValues<ClaimVerdict>()
            .Select(v => (Verdict: v, Count: checks.Count(c => c.Verdict == v))).Where(t => t.Count > 0).Select(t => $"{t.Count} {writer.Verdict(t.Verdict)}"));
        if (checks.Count > 0)
        {
            blocks.Add(new ReportParagraph(writer.English
                ? $"The unit's report gives {checks.Count} figures for the period: {tally}."
                : $"Báo cáo của đơn vị nêu {checks.Count} số liệu trong kỳ: {tally}."));
        }

        foreach (var check in checks.Where(c => c.Verdict == ClaimVerdict.Inconsistent))
        {
            blocks.Add(new ReportParagraph([
                new ReportRun(writer.English ? $"Does not reconcile: “{check.Claim.Description.TrimEnd('.')}” ({check.Claim.Written}). " : $"Không khớp: “{check.Claim.Description.TrimEnd('.')}” ({check.Claim.Written}). ", Bold: true),
                new ReportRun(string.Join(" ", check.Reasons.Where(r => r.Verdict == ClaimVerdict.Inconsistent).Select(r => r.Text(writer.English)))),
            ]));
        }

        if (checks.Count > 0)
        {
            blocks.Add(new ReportTable(
                writer.English ? "Reported figures and the records" : "Số liệu báo cáo và hồ sơ",
                writer.English ? "Reconciliation" : "Đối chiếu",
                writer.English ? ["Claim", "Reported figure", "Report says", "Period", "Records give", "Verdict", "Why"] : ["Số hiệu", "Số liệu báo cáo", "Báo cáo ghi", "Kỳ", "Hồ sơ cho", "Kết quả", "Giải thích"],
                [2.3, 3.8, 1.7, 2.5, 1.7, 1.7, 3.8],
                checks.Select(c => new ReportRow(
                    [c.Claim.Reference, c.Claim.Description, c.Claim.Written, $"{writer.Date(c.Claim.From)} – {writer.Date(c.Claim.To)}",
                        c.Computed is { } computed ? writer.Value(computed) : "—", writer.Verdict(c.Verdict), string.Join(" ", c.Reasons.Select(r => r.Text(writer.English)))],
                    Emphasis: c.Verdict == ClaimVerdict.Inconsistent)).ToArray()));
        }

        var outcomes = (await validation.ValidateAsync(unitCode, from, to, cancellationToken))?.Outcomes ?? [];
        var failed = outcomes.Where(o => !o.Passed).ToArray();
        blocks.Add(new ReportParagraph(writer.English
            ? $"Validation: {outcomes.Count - failed.Length} of {outcomes.Count} rules pass" + (failed.Length == 0 ? "." : ": " + string.Join("; ", failed.Select(f => $"{f.Name(true)} fails ({f.Detail(true)})")) + ".")
            : $"Kiểm tra tính nhất quán: {outcomes.Count - failed.Length}/{outcomes.Count} quy tắc đạt" + (failed.Length == 0 ? "." : ": " + string.Join("; ", failed.Select(f => $"{f.Name(false)} không đạt ({f.Detail(false)})")) + ".")));
        return blocks;
    }

    /// <summary>
    /// The annex: the figures of each unit directly under the unit, the findings of the inspections of the period, the
    /// reconciliation of the unit's reported figures, and the records behind every figure, each a numbered part that is
    /// left out when it has nothing to show.
    /// </summary>
    private async Task<IReadOnlyList<ReportBlock>> AnnexAsync(
        Writer writer, ReportTemplate template, Setting setting, UnitIndicators values, IReadOnlyList<ClaimCheck> checks, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var english = writer.English;
        var parts = new List<(string Title, IReadOnlyList<ReportBlock> Blocks)>
        {
            (english ? "Figures of each unit under it" : "Số liệu của từng đơn vị trực thuộc", await UnitsAsync(writer, template, setting, values, from, to, cancellationToken)),
            (english ? "Findings of the inspections" : "Kết quả phát hiện qua kiểm tra, giám sát", await FindingsAsync(writer, setting, from, to, cancellationToken)),
            (english ? "Reported figures reconciled with the records" : "Đối chiếu số liệu đơn vị báo cáo với hồ sơ", await ReconciliationAsync(writer, checks, setting.Unit.Code, from, to, cancellationToken)),
        };
        var number = parts.Count(p => p.Blocks.Count > 0) + 1;
        parts.Add((english ? "The records behind each figure" : "Hồ sơ của từng số liệu", await RecordsAsync(writer, setting, values, number, from, to, cancellationToken)));
        var annex = new List<ReportBlock> { new ReportHeading(1, english ? "ANNEX" : "PHỤ LỤC") };
        foreach (var (title, blocks) in parts.Where(p => p.Blocks.Count > 0).Select((p, i) => ($"{(english ? "Annex" : "Phụ lục")} {i + 1}. {p.Title}", p.Blocks)))
        {
            annex.Add(new ReportHeading(2, title));
            annex.AddRange(blocks);
        }

        return annex;
    }

    /// <summary>The most indicators in one table of the units under the unit: the columns a portrait page holds.</summary>
    private const int IndicatorsPerUnitTable = 4;

    /// <summary>
    /// For each area of the report's sections, the values of its indicators that count something for the unit, for each
    /// unit directly under it and for the whole unit, whose own records the units under it do not hold.
    /// </summary>
    private async Task<IReadOnlyList<ReportBlock>> UnitsAsync(Writer writer, ReportTemplate template, Setting setting, UnitIndicators values, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var children = setting.Graph.Children(setting.Unit.Id, to).Where(u => u.Kind.IsAdministrative())
            .OrderBy(u => u.Name, StringComparer.Create(Vietnamese, false)).ToArray();
        if (children.Length == 0)
        {
            return [];
        }

        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(writer.English
                ? $"The row “{setting.Unit.Name} (whole)” also counts the records of the bodies and agencies of {setting.Unit.Name}."
                : $"Dòng “Toàn {LowerFirst(setting.Unit.Name, writer.Culture)}” tính cả hồ sơ của các cơ quan, tổ chức trực thuộc {LowerFirst(setting.Unit.Name, writer.Culture)}."),
        };
        var period = engine.Period(from, to);
        foreach (var section in template.Sections.Where(s => s.Kind == ReportSectionKind.Indicators && s.Heading is not null))
        {
            var counted = values.Values.Where(v => v.Definition.Area == section.Area && (v.Denominator ?? v.Numerator) > 0).ToArray();
            foreach (var chunk in counted.Chunk(IndicatorsPerUnitTable))
            {
                var each = await engine.ForEachAsync(children, period, chunk.Select(v => v.Definition).ToArray(), cancellationToken);
                var rows = each.Select(u => new ReportRow([u.Unit.Name, .. u.Values.Select(writer.Value)]))
                    .Append(new ReportRow([writer.English ? $"{setting.Unit.Name} (whole)" : $"Toàn {LowerFirst(setting.Unit.Name, writer.Culture)}", .. chunk.Select(writer.Value)], Emphasis: true));
                blocks.Add(new ReportTable(
                    section.Heading!.In(writer.English),
                    $"{(writer.English ? "Units" : "Đơn vị")} {blocks.Count}",
                    [writer.English ? "Unit" : "Đơn vị", .. chunk.Select(v => v.Definition.Name(writer.English))],
                    [3.5, .. chunk.Select(_ => 2.4)],
                    rows.ToArray()));
            }
        }

        return blocks;
    }

    /// <summary>What the inspections decided in the period found in the unit or under it, with the manifestations of a directive's appendix each shows.</summary>
    private async Task<IReadOnlyList<ReportBlock>> FindingsAsync(Writer writer, Setting setting, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var under = setting.Graph.EverUnder(setting.Unit.Id).Append(setting.Unit.Id).ToList();
        var inspections = await db.Inspections.AsNoTracking().Include(i => i.Findings).ThenInclude(f => f.Manifestations).AsSplitQuery()
            .Where(i => i.DecidedOn >= from && i.DecidedOn <= to && i.Findings.Count > 0 && i.Targets.Any(t => t.UnitId != null && under.Contains(t.UnitId.Value)))
            .OrderBy(i => i.DecidedOn).ThenBy(i => i.Reference)
            .ToListAsync(cancellationToken);
        var findings = inspections.SelectMany(i => i.Findings.Select(f => (i.Reference, f.Text, Manifestations: f.Manifestations.Select(m => m.ManifestationId).ToList()))).ToList();
        if (findings.Count == 0)
        {
            return [];
        }

        var ids = findings.SelectMany(f => f.Manifestations).Distinct().ToList();
        var manifestations = await db.Manifestations.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return
        [
            new ReportTable(
                writer.English ? "Findings and the manifestations they show" : "Phát hiện và biểu hiện theo Phụ lục chỉ thị",
                writer.English ? "Findings" : "Phát hiện",
                writer.English ? ["No.", "Inspection", "Finding", "Manifestations"] : ["STT", "Cuộc kiểm tra", "Phát hiện", "Biểu hiện"],
                [0.8, 2.4, 6, 4],
                findings.Select((f, i) => new ReportRow(
                    [writer.Count(i + 1), f.Reference, f.Text, string.Join("; ", f.Manifestations.Select(id => $"{manifestations[id].Code}. {manifestations[id].Text}"))],
                    Emphasis: f.Manifestations.Count > 0)).ToArray()),
        ];
    }

    /// <summary>For each figure, the records it counts (for a percentage, those of its denominator, marked when the numerator counts them too).</summary>
    private async Task<IReadOnlyList<ReportBlock>> RecordsAsync(Writer writer, Setting setting, UnitIndicators values, int annexNumber, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var blocks = new List<ReportBlock>
        {
            new ReportParagraph(writer.English
                ? $"For each figure, the records it counts (for a percentage, those of its denominator, marked when the numerator counts them too), at most {writer.Count(AnnexRecordsPerFigure)} per figure."
                : $"Mỗi số liệu kèm các hồ sơ được tính (với tỷ lệ: các hồ sơ của mẫu số, đánh dấu hồ sơ tính vào tử số), tối đa {writer.Count(AnnexRecordsPerFigure)} hồ sơ mỗi số liệu."),
        };
        var number = 0;
        var unitCode = setting.Unit.Code;
        foreach (var value in values.Values.Where(v => (v.Denominator ?? v.Numerator) > 0))
        {
            number++;
            var percent = value.Definition.Denominator is not null;
            var listed = await engine.RecordsAsync(unitCode, value.Definition, percent, from, to, IndicatorStructure.AsOf, AnnexRecordsPerFigure, cancellationToken);
            var inNumerator = percent
                ? (await engine.RecordsAsync(unitCode, value.Definition, false, from, to, IndicatorStructure.AsOf, AnnexRecordsPerFigure, cancellationToken))!.Records.Select(r => (r.RecordId, r.UnitId)).ToHashSet()
                : null;
            var columns = writer.English ? new List<string> { "No.", "Record", "Date", "Unit" } : ["STT", "Hồ sơ", "Ngày", "Đơn vị"];
            if (percent)
            {
                columns.Add(writer.English ? "In numerator" : "Tính vào tử số");
            }

            var rows = listed!.Records.Select((r, i) =>
            {
                var cells = new List<string> { writer.Count(i + 1), r.Reference ?? "", r.On is { } on ? writer.Date(on) : "", setting.Graph.NameOn(r.UnitId, r.On ?? to) };
                if (inNumerator is not null)
                {
                    cells.Add(inNumerator.Contains((r.RecordId, r.UnitId)) ? (writer.English ? "yes" : "có") : (writer.English ? "no" : "không"));
                }

                return new ReportRow(cells);
            }).ToList();
            if (listed.More)
            {
                rows.Add(new ReportRow([.. columns.Select((_, i) => i == 1 ? (writer.English ? "… more records not listed" : "… còn hồ sơ khác không liệt kê") : "")]));
            }

            blocks.Add(new ReportTable(
                $"{annexNumber}.{number}. {value.Definition.Name(writer.English)}: {writer.Value(value)}",
                $"{(writer.English ? "Annex" : "Phụ lục")} {annexNumber}.{number}",
                columns,
                percent ? [0.8, 3.2, 1.9, 3.4, 1.4] : [0.8, 3.2, 1.9, 3.6],
                rows));
        }

        return blocks;
    }

    /// <summary>Numbers, dates and words in the report's language.</summary>
    private sealed class Writer(bool english, IReadOnlyDictionary<string, IndicatorValue> values)
    {
        /// <summary>The same language over other values (a sentence's own period).</summary>
        public Writer For(IEnumerable<IndicatorValue> other) => new(english, other.ToDictionary(v => v.Definition.Code, StringComparer.Ordinal));

        public bool English => english;

        public CultureInfo Culture => english ? InspectionReport.English : Vietnamese;

        public string Count(long value) => Formats.Number(value, Culture);

        public string Date(DateOnly day) => Formats.Date(day, Culture);

        public string Value(IndicatorValue value) => value.Display(Culture);

        public string Rank(int? rank) => rank is { } value ? Count(value) : "—";

        public string Score(decimal score) => ScoreText.Format(score, Culture);

        public string Verdict(ClaimVerdict verdict) => verdict.Name(english);

        /// <summary>A task's status on a day: done then (and when), overdue, or under way.</summary>
        public string TaskStatus(DateOnly? doneOn, bool overdue) => (doneOn, english) switch
        {
            ({ } done, false) => $"Đã hoàn thành {Date(done)}",
            ({ } done, true) => $"Done {Date(done)}",
            (null, false) => overdue ? "Quá hạn" : "Đang thực hiện",
            _ => overdue ? "Overdue" : "Under way",
        };

        /// <summary>
        /// A template sentence with its placeholders filled from the indicator values, leaving out each clause in square
        /// brackets that has a figure with nothing to count; null when no figure of the sentence has anything to count
        /// (a document never states that there were none).
        /// </summary>
        public string? Sentence(string sentence)
        {
            if (ReportTemplate.Placeholders(sentence).All(p => IsEmpty(p.Code, p.Part)))
            {
                return null;
            }

            var kept = ReportTemplate.OptionalClauses(sentence, clause => ReportTemplate.Placeholders(clause).Any(p => IsEmpty(p.Code, p.Part)));
            return ReportTemplate.Placeholders(kept).Aggregate(kept, (text, placeholder) =>
            {
                var value = values[placeholder.Code];
                var filled = placeholder.Part switch
                {
                    "n" => Count(value.Numerator),
                    "d" => Count(value.Denominator ?? 0),
                    _ => Value(value),
                };
                return text.Replace(placeholder.Placeholder, filled, StringComparison.Ordinal);
            });
        }

        /// <summary>A figure with nothing to count: a numerator or count of none, a denominator of none, a rate or average over none.</summary>
        private bool IsEmpty(string code, string? part)
        {
            var value = values[code];
            return part switch
            {
                "n" => value.Numerator == 0,
                "d" => value.Denominator is null or 0,
                _ => value.Definition.Unit == IndicatorUnit.Count ? value.Numerator == 0 : value.Value is null,
            };
        }

        /// <summary>
        /// The table of a section's indicators; a figure its sentence gives for a part of the period is shown for that part,
        /// named with it, so that the table says what the sentence above it says.
        /// </summary>
        public ReportTable IndicatorTable(string caption, IReadOnlyList<IndicatorValue> indicators, IReadOnlyDictionary<string, PeriodValue> ownPeriods) => new(
            caption,
            caption,
            english ? ["Indicator", "Numerator", "Denominator", "Value", "Target"] : ["Chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Mục tiêu"],
            [5.5, 1.3, 1.3, 1.3, 1.3],
            indicators.Select(whole =>
            {
                var (v, name) = ownPeriods.TryGetValue(whole.Definition.Code, out var part)
                    ? (part.Value, $"{whole.Definition.Name(english)} ({Date(part.From)} – {Date(part.To)})")
                    : (whole, whole.Definition.Name(english));
                return new ReportRow(
                    [name, Count(v.Numerator), v.Denominator is { } d ? Count(d) : "", Value(v), v.Definition.TargetText(Culture) ?? ""],
                    Emphasis: v.Definition.Target is { } goal && v.Value is { } number && v.Definition.Compare(number, goal) < 0);
            }).ToArray());
    }
}
