using Microsoft.Extensions.DependencyInjection;
using Oversight.Imports;
using Oversight.Text;

namespace Oversight.Cli.Commands;

public static class ImportCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["import", "units"], "import units FILE [--dry-run]",
            "Imports units from a CSV or XLSX file with the header code,name,kind,parent,valid_from,valid_to. All or nothing; "
            + "importing the same file again changes nothing. Each error is printed as FILE:ROW: column COLUMN: message. "
            + "--dry-run checks the file and writes nothing.",
            context => ImportAsync(context, "units")),
        new(["import", "people"], "import people FILE [--dry-run]",
            "Imports people, Party membership and posts from a CSV or XLSX file, one row per person and post, with the header "
            + "code,full_name,gender,birth_date,party_joined,party_official,party_branch,position_unit,position_title,leadership,"
            + "sensitive_field,position_from,position_to. All or nothing, safe to repeat; errors and --dry-run as for import units.",
            context => ImportAsync(context, "people")),
        new(["import", "cases"], "import cases FILE [--dry-run]",
            "Imports a register of citizens' cases from a CSV or XLSX file, one row per case, with the header reference,kind,unit,"
            + "received_on,channel,subject,content,petitioner_name,petitioner_address,petitioner_phone,petitioner_count,reception_session,"
            + "within_jurisdiction,accepted_on,complex,remote_area,forwarded_to,forwarded_on,guidance,assignee,extended_on,extension_reason,"
            + "status,closed_on,outcome,repeat_of. Each case is received and taken through the steps its facts imply, so deadlines are "
            + "computed as for a case entered by hand. A register number already recorded must say what the case says. All or nothing, "
            + "safe to repeat; errors and --dry-run as for import units.",
            context => ImportAsync(context, "cases")),
        new(["import", "reception-sessions"], "import reception-sessions FILE [--dry-run]",
            "Imports reception sessions from a CSV or XLSX file with the header reference,unit,held_on,host_name,host_person_code,"
            + "host_role,kind,visits,people,note. A register number already recorded is corrected to the row. All or nothing, safe to repeat.",
            context => ImportAsync(context, "reception-sessions")),
        new(["import", "dialogue-meetings"], "import dialogue-meetings FILE [--dry-run]",
            "Imports dialogue meetings from a CSV or XLSX file with the header reference,unit,level,held_on,topic,participants,"
            + "participant_note,outcome,cases (register numbers separated by ';'). A register number already recorded is corrected to "
            + "the row. All or nothing, safe to repeat.",
            context => ImportAsync(context, "dialogue-meetings")),
        new(["import", "directives"], "import directives FILE [--dry-run]",
            "Imports directives from a CSV or XLSX file with the header symbol,issuing_unit,issuing_body,issued_on,title,summary,"
            + "dissemination_due_on,applied_with (symbols of earlier directives separated by ';'). A symbol already recorded is corrected "
            + "to the row. All or nothing, safe to repeat.",
            context => ImportAsync(context, "directives")),
        new(["import", "dissemination"], "import dissemination FILE [--dry-run]",
            "Imports dissemination events from a CSV or XLSX file with the header reference,organiser,held_on,online,title,directives,"
            + "attendance (unit:invited:attended per unit, separated by ';'). All or nothing, safe to repeat.",
            context => ImportAsync(context, "dissemination")),
        new(["import", "inspections"], "import inspections FILE [--dry-run]",
            "Imports inspections and supervisions from a CSV or XLSX file with the header reference,kind,deciding_unit,decision_number,"
            + "decided_on,title,directive,period_from,period_to,concluded_on,conclusion,team_lead,team,target_units,target_organisations,"
            + "target_members (team members as Name (role), lists separated by ';'). All or nothing, safe to repeat.",
            context => ImportAsync(context, "inspections")),
        new(["import", "discipline"], "import discipline FILE [--dry-run]",
            "Imports discipline decisions from a CSV or XLSX file with the header decision_number,decided_on,body,deciding_unit,subject,"
            + "subject_person,subject_unit,form,violation_on,summary,source_inspection,directive,manifestations. A form the rule pack does "
            + "not allow for the subject, or a decision past the statute of limitation, is an error. All or nothing, safe to repeat.",
            context => ImportAsync(context, "discipline")),
        new(["import", "moves"], "import moves FILE [--dry-run]",
            "Imports personnel moves from a CSV or XLSX file with the header reference,person,kind,post_kind,from_unit,from_title,to_unit,"
            + "to_title,effective_on,reason,deciding_unit,directive,decision_number. All or nothing, safe to repeat.",
            context => ImportAsync(context, "moves")),
        new(["import", "dissemination-completions"], "import dissemination-completions FILE [--dry-run]",
            "Imports each unit's study of a directive from a CSV or XLSX file with the header directive,unit,completed_on,members_reached "
            + "(completed_on empty while not completed). A directive and unit already recorded are corrected to the row. All or nothing, "
            + "safe to repeat.",
            context => ImportAsync(context, "dissemination-completions")),
        new(["import", "directive-tasks"], "import directive-tasks FILE [--dry-run]",
            "Imports the tasks directives set from a CSV or XLSX file with the header directive,number,text,due_on (due_on may be empty). "
            + "A directive and number already recorded are corrected to the row. All or nothing, safe to repeat.",
            context => ImportAsync(context, "directive-tasks")),
        new(["import", "manifestations"], "import manifestations FILE [--dry-run]",
            "Imports a directive's appendix of manifestations from a CSV or XLSX file with the header directive,code,text (a group 1 or "
            + "an item 1.2 of a group recorded or in the file). Administrators only; marks the directive's catalogue as its real text. "
            + "Entries are added or corrected, never removed. All or nothing, safe to repeat.",
            context => ImportAsync(context, "manifestations")),
        new(["import", "findings"], "import findings FILE [--dry-run]",
            "Imports inspection findings from a CSV or XLSX file with the header inspection,target,text,manifestations (target: a unit "
            + "or person code among the inspection's targets, empty for the whole inspection; manifestations: codes of the appendix of "
            + "the inspection's directive separated by ';'). Inspection, target and text identify a finding. All or nothing, safe to repeat.",
            context => ImportAsync(context, "findings")),
        new(["import", "follow-up-tasks"], "import follow-up-tasks FILE [--dry-run]",
            "Imports the follow-up tasks set by inspections' conclusions from a CSV or XLSX file with the header reference,inspection,"
            + "owner_unit,description,due_on. The inspection must be concluded and due_on not before its conclusion. A register number "
            + "already recorded is corrected to the row. All or nothing, safe to repeat.",
            context => ImportAsync(context, "follow-up-tasks")),
        new(["import", "dossiers"], "import dossiers FILE [--dry-run]",
            "Imports a public-service portal's export of dossiers from a CSV or XLSX file with the header dossier_code,procedure_code,"
            + "procedure_name,field,level,unit,channel,online_service,received_on,due_on,completed_on,result,e_result,digitised,paid_online,"
            + "satisfaction. A dossier code already imported is corrected to the row. All or nothing, safe to repeat; audited as one entry "
            + "(the file's name and SHA-256, the dossiers added, changed and unchanged). Memory stays flat whatever the file's length.",
            context => ImportAsync(context, "dossiers")),
        new(["import", "app-adoption"], "import app-adoption FILE [--dry-run]",
            "Imports an app operator's list of the staff who installed an app for citizens from a CSV or XLSX file with the header "
            + "person,app,installed_on,activated_on (app: its code, such as ihanoi). A person and app already imported are corrected to the "
            + "row. All or nothing, safe to repeat; audited as one entry (the file's name and SHA-256, the installations added, changed and "
            + "unchanged). Indicator PUB.STAFF-APP counts the staff in post who had installed iHanoi by a day.",
            context => ImportAsync(context, "app-adoption")),
        new(["import", "index"], "import index FILE [--dry-run]",
            "Imports the definitions of external indices (the national PAR INDEX, a city's index of its districts), a year at a time, "
            + "from a CSV or XLSX file with the header index,year,component,name_vi,name_en,max_score,owner,unit_kinds,source,illustrative,"
            + "indicators: a row per index and year with the component empty (name, owner, unit kinds, total maximum), and a row per "
            + "component (1, 1.2, 1.2.3) with its maximum and the indicator codes that bear on it. The parts' maxima must add up to "
            + "their parent's. A year in the file replaces the year's tree; a scored component cannot be left out. Administrators only. "
            + "All or nothing, safe to repeat; audited as one entry. Shipped definitions are in src/Oversight.Core/Scores/Definitions.",
            context => ImportAsync(context, "index")),
        new(["import", "scores"], "import scores FILE [--dry-run]",
            "Imports the scores of an index from a CSV or XLSX file with the header index,year,unit,component,score (component empty "
            + "for the total; unit a GSO code as of the end of the year). A component given with all its parts must be their sum; one "
            + "given without it is derived from them. A unit's year in the file replaces what was recorded for it. All or nothing, safe "
            + "to repeat; audited as one entry (the file's name and SHA-256, the scores added, changed and unchanged).",
            context => ImportAsync(context, "scores")),
    ];

    internal static async Task<int> ImportAsync(CommandContext context, string name)
    {
        var path = context.Invocation.Argument(2, 0, "FILE");
        if (!File.Exists(path))
        {
            throw new CommandException($"{path}: no such file");
        }

        var import = context.Services.GetRequiredService<ImportCatalog>().Find(name)
            ?? throw new InvalidOperationException($"No spreadsheet import is registered for '{name}'.");
        var dryRun = context.Invocation.Has("dry-run");
        ImportResult result;
        await using (var content = File.OpenRead(path))
        {
            var progress = context.ErrorIsTerminal ? new TerminalProgress(context.Error, path) : null;
            result = await import.ImportAsync(path, content, dryRun, progress);
            progress?.End();
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await context.Error.WriteLineAsync(error.ToString());
            }

            await context.Error.WriteLineAsync(result.ErrorCount > result.Errors.Count
                ? $"{path}: {result.ErrorCount} error(s), the first {result.Errors.Count} listed; nothing was imported."
                : $"{path}: {result.ErrorCount} error(s); nothing was imported.");
            return 1;
        }

        var counts = string.Join("; ", result.Tallies.Select(t => $"{t.Records}: {t.Created} created, {t.Updated} updated, {t.Unchanged} unchanged"));
        await context.Output.WriteLineAsync(dryRun
            ? $"{path}: {result.Rows} rows checked, no errors; nothing written (dry run). Would write {counts}."
            : $"{path}: {result.Rows} rows imported. {counts}.");
        return 0;
    }

    /// <summary>Draws an import's progress on one line of the terminal, rewritten as rows are checked and written.</summary>
    private sealed class TerminalProgress(TextWriter terminal, string path) : IProgress<ImportProgress>
    {
        private bool drawn;

        public void Report(ImportProgress value)
        {
            var stage = WireNames<ImportStage>.ToWire(value.Stage);
            terminal.Write(value.Total > 0 ? $"\r{path}: {stage} {value.Done:N0} / {value.Total:N0} rows\u001b[K" : $"\r{path}: {stage}\u001b[K");
            drawn = true;
        }

        public void End()
        {
            if (drawn)
            {
                terminal.WriteLine();
            }
        }
    }
}
