using Microsoft.Extensions.Localization;
using Oversight.Accountability;
using Oversight.Accounts;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Rules;
using Oversight.Text;
using Oversight.Web.Localization;

namespace Oversight.Web.Pages.Cases;

/// <summary>The case pages' words: names of kinds, statuses, channels and steps, deadlines read aloud, and the workflow's errors translated.</summary>
public static class CaseText
{
    /// <summary>Errors whose arguments name other fields of the request and their values, by their wire names.</summary>
    private static readonly HashSet<string> NamesOtherFields =
    [
        RecordMessages.RequiredWhen.Key, RecordMessages.OnlyWhen.Key, RecordMessages.RequiredWith.Key, RecordMessages.MemberStatusDiffers.Key, RecordMessages.FormNotAllowed.Key,
        RecordMessages.BeforeDate.Key,
    ];

    /// <summary>Errors whose arguments name a kind of notice.</summary>
    private static readonly HashSet<string> NamesNotices = [RecordMessages.NoticeNotForCase.Key, RecordMessages.NoticeNotNow.Key, RecordMessages.NoticeAlreadyIssued.Key];

    /// <summary>Errors whose arguments name a case's status.</summary>
    private static readonly HashSet<string> StatusNamed = [RecordMessages.NotAllowedNow.Key, RecordMessages.NoticeNotNow.Key];

    public static string Kind(this IStringLocalizer<Strings> text, CaseKind kind) => text[$"Cases.Kind.{kind}"];

    public static string Status(this IStringLocalizer<Strings> text, CaseStatus status) => text[$"Cases.Status.{status}"];

    public static string Channel(this IStringLocalizer<Strings> text, CaseChannel channel) => text[$"Cases.Channel.{channel}"];

    public static string Action(this IStringLocalizer<Strings> text, CaseAction action) => text[$"Cases.Action.{action}"];

    /// <summary>A time limit's rule in words: "Thụ lý: 10 ngày (Điều 27 Luật Khiếu nại 2011)".</summary>
    public static string Rule(this IStringLocalizer<Strings> text, CaseClock clock, RuleInForce rule) =>
        text["Cases.Clock.Rule", text[$"Cases.Clock.{clock}"], Formats.Number((long)rule.Value.Value), text[$"Admin.RuleUnit.{rule.Value.Unit}"], rule.Value.Citation];

    /// <summary>
    /// Who took a step, in words: the account's name, the public channel for a citizen's own submission, the system
    /// for what commands and imports recorded; a name no account carries any more as it was recorded.
    /// </summary>
    public static string Actor(this IStringLocalizer<Strings> text, string actor, IReadOnlyDictionary<string, string> accountNames) =>
        actor == PublicChannel.ActorName ? text["Cases.Actor.PublicChannel"]
        : Caller.IsSystemName(actor) ? text["Cases.Actor.System"]
        : accountNames.GetValueOrDefault(actor, actor);

    /// <summary>
    /// A running deadline with its distance in words, so that the state never rests on colour alone:
    /// "19/07/2024 (còn 3 ngày)", "(quá hạn 2 ngày)", "(hết hạn hôm nay)"; a dash when no deadline runs.
    /// </summary>
    public static string Due(this IStringLocalizer<Strings> text, DateOnly? due, DateOnly today)
    {
        if (due is not { } day)
        {
            return "—";
        }

        var left = day.DayNumber - today.DayNumber;
        var distance = left switch
        {
            < 0 => text["Cases.Due.Overdue", Formats.Number(-left)],
            0 => text["Cases.Due.Today"],
            _ => text["Cases.Due.Left", Formats.Number(left)],
        };
        return $"{Formats.Date(day)} ({distance})";
    }

    /// <summary>A workflow error in the reader's language (<c>RecordError.{Key}</c>), dates and statuses written as the page writes them.</summary>
    public static string Error(this IStringLocalizer<Strings> text, FieldError error)
    {
        var values = error.Arguments.Select(argument =>
            IsoDate.TryParse(argument, out var day) ? Formats.Date(day)
            : NamesNotices.Contains(error.Key) && WireNames<NoticeKind>.TryParse(argument, out var notice) ? LowerFirst(text.Named(notice))
            : StatusNamed.Contains(error.Key) && WireNames<CaseStatus>.TryParse(argument, out var status) ? text.Status(status)
            : error.Key == RecordMessages.NoticeNotForCase.Key && WireNames<CaseKind>.TryParse(argument, out var caseKind) ? text.Kind(caseKind)
            : NamesOtherFields.Contains(error.Key) ? string.Join(", ", argument.Split(", ").Select(name => text.NameInSentence(name)))
            : (object)argument).ToArray();
        var translated = text[$"RecordError.{error.Key}", values];
        return translated.ResourceNotFound ? error.Message : translated.Value;
    }

    /// <summary>The label of a field the workflow names in its errors; null for errors about the case as a whole.</summary>
    public static string? FieldLabel(this IStringLocalizer<Strings> text, string field) => field switch
    {
        "kind" => text["Cases.Field.Kind"].Value,
        "unit" => text["Cases.Field.Unit"].Value,
        "receivedOn" => text["Cases.Field.ReceivedOn"].Value,
        "channel" => text["Cases.Field.Channel"].Value,
        "subject" => text["Cases.Field.Subject"].Value,
        "content" => text["Cases.Field.Content"].Value,
        "petitioner.name" => text["Cases.Field.PetitionerName"].Value,
        "petitioner.address" => text["Cases.Field.PetitionerAddress"].Value,
        "petitioner.phone" => text["Cases.Field.PetitionerPhone"].Value,
        "petitionerCount" => text["Cases.Field.PetitionerCount"].Value,
        "reference" => text["Cases.Field.Reference"].Value,
        "receptionSession" => text["Cases.Field.ReceptionSession"].Value,
        "on" => text["Cases.Field.On"].Value,
        "assignee" => text["Cases.Field.Assignee"].Value,
        "reason" => text["Cases.Field.Reason"].Value,
        "decision" => text["Cases.Field.Decision"].Value,
        "forwardedTo" => text["Cases.Field.ForwardedTo"].Value,
        "guidance" => text["Cases.Field.Guidance"].Value,
        "outcome" => text["Cases.Field.Outcome"].Value,
        "note" => text["Cases.Field.Note"].Value,
        "repeatOf" => text["Cases.Field.RepeatOf"].Value,
        "issuedOn" or "signerName" or "signerTitle" or "recipient" or "text" or "legalGround" or "appointmentOn" => text[$"Cases.Notice.Field.{field}"].Value,
        _ => null,
    };

    /// <summary>An error as the summary lists it: the field's label, then what is wrong with it.</summary>
    public static string SummaryLine(this IStringLocalizer<Strings> text, FieldError error) =>
        text.FieldLabel(error.Field) is { } label ? $"{label}: {text.Error(error)}" : text.Error(error);

    /// <summary>
    /// A field or a value an error names, as a sentence reads it: "lý do", "thực hiện theo chỉ thị", "đảng viên dự bị";
    /// a name that is neither (a person's code) as it is.
    /// </summary>
    private static string NameInSentence(this IStringLocalizer<Strings> text, string name)
    {
        var label = text.RecordField(name)
            ?? (WireNames<DisciplineSubject>.TryParse(name, out var subject) ? text.Named(subject)
            : WireNames<DisciplineForm>.TryParse(name, out var form) ? text.Named(form)
            : WireNames<MoveReason>.TryParse(name, out var reason) ? text.Named(reason)
            : null);
        return label is null ? name : LowerFirst(label);
    }

    private static string LowerFirst(string text) => char.ToLower(text[0], System.Globalization.CultureInfo.CurrentCulture) + text[1..];
}
