using Microsoft.Extensions.Localization;
using Oversight.Petitions;
using Oversight.Records;
using Oversight.Web.Localization;
using Oversight.Web.Pages.Cases;

namespace Oversight.Web.Pages.Reception;

/// <summary>The reception and dialogue pages' words: host roles, session kinds, meeting levels, and the labels of the fields <see cref="ReceptionRecords"/> names in its errors.</summary>
public static class ReceptionText
{
    public static string HostRole(this IStringLocalizer<Strings> text, HostRole role) => text[$"Reception.HostRole.{role}"];

    public static string SessionKind(this IStringLocalizer<Strings> text, SessionKind kind) => text[$"Reception.Kind.{kind}"];

    public static string Level(this IStringLocalizer<Strings> text, DialogueLevel level) => text[$"Dialogues.Level.{level}"];

    /// <summary>The label of a field of a session or meeting request; the case pages' label for the fields they share.</summary>
    public static string? RecordFieldLabel(this IStringLocalizer<Strings> text, string field) => field switch
    {
        "heldOn" => text["Reception.Field.HeldOn"].Value,
        "hostName" => text["Reception.Field.HostName"].Value,
        "hostPersonCode" => text["Reception.Field.HostPersonCode"].Value,
        "hostRole" => text["Reception.Field.HostRole"].Value,
        "kind" => text["Reception.Field.Kind"].Value,
        "visits" => text["Reception.Field.Visits"].Value,
        "people" => text["Reception.Field.People"].Value,
        "level" => text["Dialogues.Field.Level"].Value,
        "topic" => text["Dialogues.Field.Topic"].Value,
        "participants" => text["Dialogues.Field.Participants"].Value,
        "participantNote" => text["Dialogues.Field.ParticipantNote"].Value,
        "cases" => text["Dialogues.Field.Cases"].Value,
        "percentComplete" => text["Tasks.Field.PercentComplete"].Value,
        "evidence" => text["Tasks.Field.Evidence"].Value,
        "done" => text["Tasks.Field.Done"].Value,
        _ => text.FieldLabel(field),
    };

    /// <summary>The errors as the summary lists them: label, then the translated error, linking to the field (its id is the request's field name).</summary>
    public static IReadOnlyList<(string? Field, string Message)> Summary(this IStringLocalizer<Strings> text, IEnumerable<FieldError> errors) =>
        text.Summary(errors, text.RecordFieldLabel);

    /// <summary>The errors as the summary lists them, each field labelled by <paramref name="label"/> (errors about the record as a whole have none).</summary>
    public static IReadOnlyList<(string? Field, string Message)> Summary(this IStringLocalizer<Strings> text, IEnumerable<FieldError> errors, Func<string, string?> label) =>
        errors.Select(e => label(e.Field) is { } name ? ((string?)e.Field, $"{name}: {text.Error(e)}") : (null, text.Error(e))).ToList();
}
