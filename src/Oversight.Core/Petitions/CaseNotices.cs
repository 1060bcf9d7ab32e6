using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Oversight.Accounts;
using Oversight.Data;
using Oversight.Organisation;
using Oversight.Records;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Petitions;

/// <summary>
/// What an official writes to issue a notice: its kind (wire name), the day (today when none), the signer (the form's
/// usual title when none is given), and what the
/// kind asks for: the body forwarded to (<paramref name="Recipient"/>), the reason for a refusal or the decision's
/// content or what an appointment is for (<paramref name="Text"/>), the legal ground, the appointment's day. Fields the
/// kind does not use are not kept.
/// </summary>
public sealed record NoticeRequest(
    string? Kind, string? IssuedOn, string? SignerTitle, string? SignerName, string? Recipient = null, string? Text = null, string? LegalGround = null, string? AppointmentOn = null);

/// <summary>A notice as a case's page lists it, with its number and symbol as printed ("3/TB-UBND").</summary>
public sealed record NoticeEntry(CaseNotice Notice, string Number);

/// <summary>
/// The notices sent to the citizen about a case (<see cref="CaseNotice"/>): which kinds the case allows now, issuing one
/// (numbered as the next of its symbol by the handling unit in the year), and rendering it in the form of its kind
/// (<see cref="NoticeForms"/>) as a <see cref="ReportDocument"/> in the State's or the Party's layout.
/// </summary>
/// <remarks>
/// A case that does not exist for the caller has no notices and takes none: only accounts whose scope holds the
/// case's unit issue them. Issuing is a change of the case (its stamp changes, so a form read before is stale), and
/// the context audits the notice. Which kinds are open follows the case: the acceptance once the case is accepted,
/// the forwarding slip once forwarded, the refusal once rejected, the resolution decision once resolved (each once),
/// appointment slips while it is open; each only for the kinds of case its form names.
/// </remarks>
public sealed class CaseNotices(OversightDbContext db, Caller caller, CallerScope scope, TimeProvider time)
{
    private const int SignerTitleLength = 100;
    private const int SignerNameLength = 200;
    private const int RecipientLength = 300;
    private const int TextLength = 4000;
    private const int LegalGroundLength = 1000;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static NoticeForms Forms => NoticeForms.Shipped;

    private DateOnly Today => VietnamTime.Today(time);

    /// <summary>The form of a kind of notice.</summary>
    public static NoticeForm FormOf(NoticeKind kind) => Forms[kind];

    /// <summary>The notices of a case the caller may see, in the order they were issued, with their numbers as printed.</summary>
    public async Task<IReadOnlyList<NoticeEntry>> OfCaseAsync(CitizenCase citizenCase, CancellationToken cancellationToken = default)
    {
        if (!(await scope.FilterAsync(cancellationToken)).Contains(citizenCase.UnitId))
        {
            return [];
        }

        var graph = await scope.GraphAsync(cancellationToken);
        var notices = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == citizenCase.Id).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return notices.Select(n => new NoticeEntry(n, NumberOf(graph, n))).ToList();
    }

    /// <summary>The kinds of notice the case allows now, given those it has.</summary>
    public static IReadOnlyList<NoticeKind> Open(CitizenCase citizenCase, IEnumerable<CaseNotice> issued)
    {
        var had = issued.Select(n => n.Kind).ToHashSet();
        return Enum.GetValues<NoticeKind>().Where(kind => WhyNot(citizenCase, kind, had) is null).ToList();
    }

    /// <summary>
    /// Issues a notice of the case with the next number of its symbol by the case's unit in the year. Refused, nothing
    /// saved, with the field at fault named, when a field is wrong or the case does not allow the kind now.
    /// </summary>
    public async Task<RecordResult<CaseNotice>> IssueAsync(Guid caseId, NoticeRequest request, Guid? expectedStamp = null, CancellationToken cancellationToken = default)
    {
        var citizenCase = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (citizenCase is null || !(await scope.FilterAsync(cancellationToken)).Contains(citizenCase.UnitId))
        {
            return new(null, [], NotFound: true);
        }

        var errors = new List<FieldError>();
        var kind = RequestFields.Parse<NoticeKind>(request.Kind, "kind", errors);
        var day = string.IsNullOrWhiteSpace(request.IssuedOn) ? Today : RequestFields.PastDate(request.IssuedOn, "issuedOn", Today, errors);
        if (kind is { } chosen)
        {
            var had = await db.CaseNotices.AsNoTracking().Where(n => n.CaseId == caseId).Select(n => n.Kind).ToListAsync(cancellationToken);
            if (WhyNot(citizenCase, chosen, had.ToHashSet()) is { } refused)
            {
                errors.Add(refused);
            }
            else if (day is { } on && EarliestDay(citizenCase, chosen) is var earliest && on < earliest)
            {
                errors.Add(RecordMessages.BeforeDate.For("issuedOn", on, earliest, citizenCase.Reference));
            }
        }

        var signerTitle = RequestFields.Text(request.SignerTitle, "signerTitle", SignerTitleLength, errors, required: false);
        var signerName = RequestFields.Text(request.SignerName, "signerName", SignerNameLength, errors, required: true);
        string? recipient = null, text = null, legalGround = null;
        DateOnly? appointment = null;
        switch (kind)
        {
            case NoticeKind.Forwarding:
                recipient = RequestFields.Text(request.Recipient, "recipient", RecipientLength, errors, required: true);
                text = RequestFields.Text(request.Text, "text", TextLength, errors, required: false, multiline: true);
                break;
            case NoticeKind.Refusal:
                text = RequestFields.Text(request.Text, "text", TextLength, errors, required: true, multiline: true);
                legalGround = RequestFields.Text(request.LegalGround, "legalGround", LegalGroundLength, errors, required: true);
                break;
            case NoticeKind.ResolutionDecision:
                text = RequestFields.Text(request.Text, "text", TextLength, errors, required: true, multiline: true);
                legalGround = RequestFields.Text(request.LegalGround, "legalGround", LegalGroundLength, errors, required: false);
                break;
            case NoticeKind.AppointmentSlip:
                text = RequestFields.Text(request.Text, "text", TextLength, errors, required: false, multiline: true);
                appointment = RequestFields.Date(request.AppointmentOn, "appointmentOn", errors);
                if (appointment < day)
                {
                    errors.Add(RecordMessages.AppointmentBeforeIssue.For("appointmentOn", appointment, day));
                }

                break;
        }

        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var issuedOn = day!.Value;
        var symbol = Forms[kind!.Value].Symbol;
        CaseNotice? notice = null;
        var result = await db.SaveEditAsync(citizenCase, expectedStamp, errors, async () =>
        {
            var last = await db.CaseNotices
                .Where(n => n.UnitId == citizenCase.UnitId && n.Symbol == symbol && n.IssuedYear == issuedOn.Year)
                .MaxAsync(n => (int?)n.Number, cancellationToken);
            notice = new CaseNotice
            {
                CaseId = citizenCase.Id, Kind = kind.Value, UnitId = citizenCase.UnitId, Symbol = symbol, Number = (last ?? 0) + 1,
                IssuedOn = issuedOn, IssuedYear = issuedOn.Year, IssuedBy = caller.Name, RecordedAt = time.GetUtcNow(),
                SignerTitle = signerTitle, SignerName = signerName!, Recipient = recipient, Text = text, LegalGround = legalGround, AppointmentOn = appointment,
            };
            db.CaseNotices.Add(notice);
        }, cancellationToken);
        return result.Succeeded ? new(notice, [], Changed: true) : new(null, result.Errors);
    }

    /// <summary>
    /// A notice of a case as its form reads, filled from the case and what was written for it, in the layout of its
    /// issuer as it was on the day it was issued; null when the case or the notice does not exist for the caller.
    /// </summary>
    public async Task<(CaseNotice Notice, ReportDocument Document)?> RenderAsync(Guid caseId, Guid noticeId, bool english, CancellationToken cancellationToken = default)
    {
        var citizenCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var notice = await db.CaseNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId && n.CaseId == caseId, cancellationToken);
        if (citizenCase is null || notice is null || !(await scope.FilterAsync(cancellationToken)).Contains(citizenCase.UnitId))
        {
            return null;
        }

        return (notice, Render(await scope.GraphAsync(cancellationToken), citizenCase, notice, english));
    }

    private static ReportDocument Render(UnitGraph graph, CitizenCase citizenCase, CaseNotice notice, bool english)
    {
        var form = Forms[notice.Kind];
        var culture = english ? English : Vietnamese;
        var day = notice.IssuedOn;
        var issuer = IssuerOf(graph, notice.UnitId, day);
        var layout = DocumentLayout.For(graph, issuer.Unit, day);
        var words = Forms.Words(citizenCase.Kind)!;
        var issuerName = issuer.Name(english, false);
        string? Date(DateOnly? on) => on is { } value ? Formats.Date(value, culture) : null;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["citizen"] = citizenCase.PetitionerName,
            ["address"] = citizenCase.PetitionerAddress,
            ["received"] = Date(citizenCase.ReceivedOn),
            ["subject"] = citizenCase.Subject,
            ["caseKind"] = words.Name.In(english),
            ["round"] = words.Round?.In(english),
            ["issuer"] = issuerName,
            ["accepted"] = Date(citizenCase.AcceptedOn),
            ["recipient"] = notice.Recipient,
            ["text"] = notice.Text,
            ["legalGround"] = notice.LegalGround,
            ["appointment"] = Date(notice.AppointmentOn),
        };
        var body = form.Paragraphs
            .Where(p => p.CaseKinds is null || p.CaseKinds.Contains(citizenCase.Kind))
            .SelectMany(p => Fill(p.Text.In(english), values).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)
                .Select(line => (ReportBlock)new ReportParagraph([new ReportRun(line, Bold: p.Bold)])))
            .ToList();
        var header = new ReportHeader(
            issuer.Above?.Invoke(english, true).ToUpper(culture),
            issuer.Name(english, true).ToUpper(culture),
            layout.NumberLine(english, notice.Number.ToString(CultureInfo.InvariantCulture), notice.Symbol, issuer.Symbol),
            layout.Title.Select(t => t.In(english)).ToList(),
            layout.PlaceAndDateLine(english, issuer.Place, day));
        return new ReportDocument(
            layout,
            header,
            form.Type.In(english),
            form.Subject is { } subject ? Fill(subject.In(english), values) : string.Empty,
            body,
            Signature(notice.SignerTitle?.ToUpper(culture) ?? form.Signer.In(english), notice.SignerName),
            form.Recipients.Select(r => Fill(r.In(english), values)).ToList(),
            [],
            english);
    }

    /// <summary>A title written "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" (signing for another) prints on two lines; any other on one.</summary>
    private static ReportSignature Signature(string title, string name) =>
        title.Split('/', 2, StringSplitOptions.TrimEntries) is [var signedFor, var own] && signedFor.Length > 0 && own.Length > 0
            ? new ReportSignature(signedFor, own, name)
            : new ReportSignature(string.Empty, title, name);

    /// <summary>
    /// A form's text with its placeholders filled: a clause in square brackets left out when a value in it is missing,
    /// each value without the full stop or semicolon it may end with (the form puts its own).
    /// </summary>
    private static string Fill(string text, IReadOnlyDictionary<string, string?> values)
    {
        var kept = ReportTemplate.OptionalClauses(text, clause => NoticeForms.PlaceholdersOf(clause).Any(p => string.IsNullOrWhiteSpace(values[p])));
        return ReportTemplate.Fill(kept, values.Select(v => (v.Key, (v.Value ?? string.Empty).Trim().TrimEnd('.', ';', ',', ' '))).ToArray());
    }

    /// <summary>Why a notice of <paramref name="kind"/> is not open to the case now; null when it is.</summary>
    private static FieldError? WhyNot(CitizenCase citizenCase, NoticeKind kind, IReadOnlySet<NoticeKind> had)
    {
        var kindName = WireNames<NoticeKind>.ToWire(kind);
        if (!Forms[kind].CaseKinds.Contains(citizenCase.Kind))
        {
            return RecordMessages.NoticeNotForCase.For("kind", kindName, WireNames<CaseKind>.ToWire(citizenCase.Kind));
        }

        if (string.IsNullOrWhiteSpace(citizenCase.PetitionerName))
        {
            return RecordMessages.NoticeNoCitizen.For("kind");
        }

        var now = kind switch
        {
            NoticeKind.Acceptance => citizenCase.AcceptedOn is not null && citizenCase.Status is CaseStatus.Accepted or CaseStatus.UnderConsideration or CaseStatus.Resolved,
            NoticeKind.AppointmentSlip => citizenCase.IsOpen,
            NoticeKind.Forwarding => citizenCase.Status == CaseStatus.Forwarded,
            NoticeKind.Refusal => citizenCase.Status == CaseStatus.Rejected,
            _ => citizenCase.Status == CaseStatus.Resolved,
        };
        if (!now)
        {
            return RecordMessages.NoticeNotNow.For("kind", kindName, WireNames<CaseStatus>.ToWire(citizenCase.Status));
        }

        return kind != NoticeKind.AppointmentSlip && had.Contains(kind) ? RecordMessages.NoticeAlreadyIssued.For("kind", kindName) : null;
    }

    /// <summary>The first day a notice can bear: the step it tells of (acceptance, forwarding, refusal, resolution), or receipt for a slip.</summary>
    private static DateOnly EarliestDay(CitizenCase citizenCase, NoticeKind kind) => kind switch
    {
        NoticeKind.Acceptance => citizenCase.AcceptedOn!.Value,
        NoticeKind.AppointmentSlip => citizenCase.ReceivedOn,
        _ => citizenCase.ClosedOn ?? citizenCase.ReceivedOn,
    };

    /// <summary>The number and symbol as the notice prints them in its issuer's layout, without the word before them ("3/TB-UBND").</summary>
    private static string NumberOf(UnitGraph graph, CaseNotice notice)
    {
        var issuer = IssuerOf(graph, notice.UnitId, notice.IssuedOn);
        var line = DocumentLayout.For(graph, issuer.Unit, notice.IssuedOn).NumberLine(false, notice.Number.ToString(CultureInfo.InvariantCulture), notice.Symbol, issuer.Symbol);
        return line[line.IndexOfAny("0123456789".ToCharArray())..];
    }

    /// <summary>
    /// Who issues a unit's notices: an administrative unit's People's Committee, under the People's Committee of the unit
    /// above (none for a province), abbreviated "UBND"; a body its own name, under the body above it when that is not an
    /// administrative unit, abbreviated by its initials. The place is the administrative unit the issuer lies in.
    /// </summary>
    private static Issuer IssuerOf(UnitGraph graph, Guid unitId, DateOnly day)
    {
        // A unit since dissolved is named as it stood on its last day, with the units above it then.
        var unit = graph.At(unitId, day) ?? graph.Latest(unitId)!;
        var ancestors = graph.Ancestors(unit.Id, unit.ValidTo is { } last && last < day ? last : day);
        var committee = Forms.Committee;
        // In the header the unit's name goes on a line of its own under "ỦY BAN NHÂN DÂN".
        Func<bool, bool, string> CommitteeOf(UnitSnapshot administrative) => (english, header) => ReportTemplate.Fill(
            header ? committee.Name.In(english).Replace(" {unit}", "\n{unit}", StringComparison.Ordinal) : committee.Name.In(english),
            ("unit", english ? administrative.Name : LowerFirst(administrative.Name)));

        var administrative = unit.Kind.IsAdministrative() ? unit : ancestors.LastOrDefault(u => u.Kind.IsAdministrative());
        var place = UnitKinds.PlaceName((administrative ?? unit).Name);
        if (unit.Kind.IsAdministrative() || (unit.Kind == UnitKind.PeoplesCommittee && administrative is not null))
        {
            var own = CommitteeOf(administrative!);
            var aboveUnit = ancestors.TakeWhile(u => u.Id != administrative!.Id).LastOrDefault(u => u.Kind.IsAdministrative());
            return new Issuer(unit, unit.Kind.IsAdministrative() ? own : (_, _) => unit.Name, aboveUnit is null ? null : CommitteeOf(aboveUnit), committee.Symbol, place);
        }

        var parent = ancestors.LastOrDefault();
        var initials = string.Concat(unit.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], Vietnamese)));
        return new Issuer(unit, (_, _) => unit.Name, parent is null || parent.Kind.IsAdministrative() ? null : (_, _) => parent.Name, initials, place);
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLower(text[0], Vietnamese) + text[1..];

    /// <summary>
    /// The unit that issues, its name and the one above it (by language, and whether for the header, where a People's
    /// Committee's name takes two lines), its abbreviation, and the place it writes.
    /// </summary>
    private sealed record Issuer(UnitSnapshot Unit, Func<bool, bool, string> Name, Func<bool, bool, string>? Above, string Symbol, string Place);
}
