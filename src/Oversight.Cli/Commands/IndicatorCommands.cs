using Microsoft.Extensions.DependencyInjection;
using Oversight.Indicators;
using Oversight.Reports;
using Oversight.Text;

namespace Oversight.Cli.Commands;

public static class IndicatorCommands
{
    public static IReadOnlyList<CliCommand> All { get; } =
    [
        new(["claims", "import"], "claims import FILE [--dry-run]",
            "Imports the figures a unit reported (claims) from a CSV or XLSX file with the header reference,unit,from,to,indicator,"
            + "description,value,comparison,numerator,denominator,source. value is as written (81,1% or 11.300). A register number "
            + "already recorded is corrected to the row. All or nothing, safe to repeat; errors and --dry-run as for import units.",
            context => ImportCommands.ImportAsync(context, "claims")),
        new(["reconcile"], "reconcile --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--lang vi|en]",
            "Compares every claim of the unit's subtree about a period overlapping the dates (each for its own period) with what the records give and with its own "
            + "arithmetic. Prints one line per claim: its verdict (consistent, rounding, inconsistent or unverifiable), register number, "
            + "indicator, value as written and the reasons; the tally goes to standard error. Exits 0 whatever the verdicts.",
            ReconcileAsync),
        new(["report"], "report --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--lang vi|en] [--format docx|xlsx|pdf|html] --out FILE",
            "Writes the inspection / progress report of the unit's subtree for the period, from the records: the figures of each area, "
            + "the rank among peers, conclusions and follow-up, the reconciliation of the unit's reported figures, and an annex of the "
            + "records behind every figure. Vietnamese by default; DOCX by default (A4, the format of Decree 30/2020/NĐ-CP).",
            ReportAsync),
        new(["indicators", "check"], "indicators check [--unit CODE] [--from YYYY-MM-DD --to YYYY-MM-DD]",
            "Counts every indicator's numerator and denominator again from the records themselves, for each unit of the unit's "
            + "subtree (every unit without --unit), and compares them with the facts the indicators are computed from. Without dates: "
            + "each calendar year with records, 15 February – 14 November of each, and the whole span up to today. Prints one line per "
            + "difference (indicator, unit, period, kept, recounted); exits 1 if there is any.",
            CheckAsync),
        new(["indicators", "rebuild"], "indicators rebuild",
            "Builds the facts the indicators are computed from again from the records: after a restore, a change made to the database "
            + "by hand, or new definitions. Figures stay readable meanwhile; writes to records wait until it has finished.",
            RebuildAsync),
        new(["validate"], "validate --unit CODE --from YYYY-MM-DD --to YYYY-MM-DD [--lang vi|en]",
            "Runs the validation rules on the unit's figures for the period: every percentage's numerator within its denominator, "
            + "totals equal to the sum of their parts, no record a rule forbids. Prints one line per rule (passed or failed) and the "
            + "records at fault under a failed one. Exits 0 when every rule passes, 1 otherwise.",
            ValidateAsync),
    ];

    private static async Task<int> CheckAsync(CommandContext context)
    {
        var invocation = context.Invocation;
        var unit = invocation.Option("unit");
        var from = invocation.DateOption("from");
        var to = invocation.DateOption("to");
        if ((from is null) != (to is null) || from > to)
        {
            throw new CommandException("--from and --to go together, --to not before --from");
        }

        var result = await context.Services.GetRequiredService<FactCheck>().CheckAsync(unit, from, to, CancellationToken.None)
            ?? throw new CommandException($"no unit has code {unit}");
        foreach (var difference in result.Differences)
        {
            await context.Output.WriteLineAsync(
                $"{difference.Quantity}\t{difference.UnitCode} {difference.UnitName}\t{IsoDate.Format(difference.Period.From)}..{IsoDate.Format(difference.Period.To)}"
                + $"\tkept {difference.Kept}\trecounted {difference.Recounted}");
        }

        await context.Error.WriteLineAsync(
            $"{result.Periods.Count} period(s) checked{(unit is null ? "" : $" for the subtree of {unit}")}: {(result.Differences.Count == 0 ? "the facts equal the records" : $"{result.Differences.Count} difference(s)")}.");
        return result.Differences.Count == 0 ? 0 : 1;
    }

    private static async Task<int> RebuildAsync(CommandContext context)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var sets = await context.Services.GetRequiredService<FactCheck>().RebuildAsync(CancellationToken.None);
        await context.Output.WriteLineAsync($"Rebuilt the facts of {sets.Count} record sets from the records in {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static async Task<int> ReconcileAsync(CommandContext context)
    {
        var (unit, from, to, english) = UnitPeriod(context);
        var result = await context.Services.GetRequiredService<Reconciliation>().ReconcileAsync(unit, from, to)
            ?? throw new CommandException($"no unit has code {unit} between {IsoDate.Format(from)} and {IsoDate.Format(to)}");
        foreach (var check in result.Checks)
        {
            var reasons = string.Join(" ", check.Reasons.Select(r => r.Text(english)));
            await context.Output.WriteLineAsync(
                $"{WireNames<ClaimVerdict>.ToWire(check.Verdict)}\t{check.Claim.Reference}\t{check.Claim.IndicatorCode ?? "-"}\t{check.Claim.Written}\t{reasons}");
        }

        var tally = string.Join(", ", Enum.GetValues<ClaimVerdict>().Select(v => $"{result.Checks.Count(c => c.Verdict == v)} {WireNames<ClaimVerdict>.ToWire(v)}"));
        await context.Error.WriteLineAsync($"{result.Unit.Code} {result.Unit.Name}, {IsoDate.Format(from)} – {IsoDate.Format(to)}: {result.Checks.Count} claim(s): {tally}.");
        return 0;
    }

    private static async Task<int> ReportAsync(CommandContext context)
    {
        var (unit, from, to, english) = UnitPeriod(context);
        var path = context.Invocation.RequiredOption("out");
        var formatText = context.Invocation.Option("format") ?? "docx";
        if (!WireNames<ReportFormat>.TryParse(formatText, out var format))
        {
            throw new CommandException($"--format '{formatText}' is not one of {string.Join(", ", WireNames<ReportFormat>.All)}");
        }

        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var report = await context.Services.GetRequiredService<InspectionReport>().BuildAsync(unit, from, to, english)
            ?? throw new CommandException($"no unit has code {unit} between {IsoDate.Format(from)} and {IsoDate.Format(to)}");
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        await using (var file = File.Create(path))
        {
            ReportWriter.Write(report, format, file);
        }

        await context.Output.WriteLineAsync($"{path}: {report.Kind} {report.Subject} ({new FileInfo(path).Length / 1024} KB, {stopwatch.ElapsedMilliseconds} ms).");
        return 0;
    }

    private static async Task<int> ValidateAsync(CommandContext context)
    {
        var (unit, from, to, english) = UnitPeriod(context);
        var result = await context.Services.GetRequiredService<IndicatorValidation>().ValidateAsync(unit, from, to)
            ?? throw new CommandException($"no unit has code {unit} between {IsoDate.Format(from)} and {IsoDate.Format(to)}");
        foreach (var outcome in result.Outcomes)
        {
            await context.Output.WriteLineAsync($"{(outcome.Passed ? "passed" : "failed")}\t{outcome.Code}\t{outcome.Name(english)}\t{outcome.Detail(english)}");
            foreach (var record in outcome.Records)
            {
                await context.Output.WriteLineAsync($"\t{record.Reference}\t{(record.On is { } on ? IsoDate.Format(on) : "")}\t/{outcome.PagePath}/{record.RecordId}");
            }
        }

        await context.Error.WriteLineAsync($"{result.Unit.Code} {result.Unit.Name}: {result.Outcomes.Count} rule(s), {result.Failed} failed.");
        return result.Failed == 0 ? 0 : 1;
    }

    private static (string Unit, DateOnly From, DateOnly To, bool English) UnitPeriod(CommandContext context)
    {
        var invocation = context.Invocation;
        var unit = invocation.RequiredOption("unit");
        var from = invocation.DateOption("from") ?? throw new CommandException("--from is required");
        var to = invocation.DateOption("to") ?? throw new CommandException("--to is required");
        if (from > to)
        {
            throw new CommandException("--to must not be before --from");
        }

        return (unit, from, to, English(invocation));
    }

    /// <summary>Whether --lang asks for English; Vietnamese is the default.</summary>
    public static bool English(CommandInvocation invocation) => invocation.Option("lang")?.Trim().ToLowerInvariant() switch
    {
        null or "vi" => false,
        "en" => true,
        var other => throw new CommandException($"--lang '{other}' is not vi or en"),
    };
}
