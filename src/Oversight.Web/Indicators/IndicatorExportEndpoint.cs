using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Oversight.Exports;
using Oversight.Imports;
using Oversight.Indicators;
using Oversight.Text;
using Oversight.Web.Accounts;
using Oversight.Web.Localization;

namespace Oversight.Web.Indicators;

/// <summary>
/// A unit's indicator table as a file, for the pages (signed in, like them, with the cookie):
/// <c>GET /indicators/export?unit=CODE&amp;from=YYYY-MM-DD&amp;to=YYYY-MM-DD[&amp;structure=asOf|today]&amp;format=xlsx|csv</c>.
/// </summary>
/// <remarks>
/// One row per indicator — code, name, unit, numerator, denominator, value, target — in the reader's language, each
/// labelled with the unit whose records it counts; under today's structure, the records of a unit only part of which
/// went into today's unit follow as rows of their own, labelled with that unit, never added to the unit's figures
/// (<see cref="IndicatorEngine.ForUnitAsync"/>). Not found when no unit the caller may see carries the code then;
/// a bad parameter is a 400 naming it.
/// </remarks>
public static class IndicatorExportEndpoint
{
    private const string AsOf = "asOf";
    private const string Today = "today";

    /// <summary>A row of the table: whose records, and the indicator's value over them.</summary>
    private sealed record ExportRow(string RecordsOf, IndicatorValue Value);

    public static void MapIndicatorExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/indicators/export", ExportAsync)
            .RequireAuthorization(Policies.SignedIn)
            // A link a person follows, like the pages': signing in first, not a bare 401 as the API answers.
            .AllowCookieRedirect()
            .WithName("ExportUnitIndicators")
            .ExcludeFromDescription();

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> ExportAsync(
        string? unit,
        string? from,
        string? to,
        string? structure,
        string? format,
        IndicatorEngine engine,
        IStringLocalizer<Strings> text,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string parameter, string message) => errors[parameter] = [message];

        if (string.IsNullOrWhiteSpace(unit))
        {
            Error(nameof(unit), text["Exports.Indicators.Required", nameof(unit)]);
        }

        DateOnly? Day(string? value, string parameter)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(parameter, text["Exports.Indicators.Required", parameter]);
            }
            else if (IsoDate.TryParse(value, out var day))
            {
                return day;
            }
            else
            {
                Error(parameter, text["Exports.Indicators.NotADate", parameter]);
            }

            return null;
        }

        var fromDay = Day(from, nameof(from));
        var toDay = Day(to, nameof(to));
        if (fromDay > toDay)
        {
            Error(nameof(to), text["Exports.Indicators.PeriodReversed"]);
        }

        IndicatorStructure? shape = structure?.Trim() switch
        {
            null or "" => IndicatorStructure.AsOf,
            var given when given.Equals(AsOf, StringComparison.OrdinalIgnoreCase) => IndicatorStructure.AsOf,
            var given when given.Equals(Today, StringComparison.OrdinalIgnoreCase) => IndicatorStructure.Today,
            _ => null,
        };
        if (shape is null)
        {
            Error(nameof(structure), text["Exports.Indicators.NotAChoice", nameof(structure), $"{AsOf}, {Today}"]);
        }

        var file = TabularFormats.FromExtension(format);
        if (file is null)
        {
            Error(nameof(format), string.IsNullOrWhiteSpace(format)
                ? text["Exports.Indicators.Required", nameof(format)]
                : text["Exports.Indicators.NotAChoice", nameof(format), "xlsx, csv"]);
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: text["Exports.Indicators.Invalid"]);
        }

        if (await engine.ForUnitAsync(unit!.Trim(), fromDay!.Value, toDay!.Value, shape!.Value, cancellationToken: cancellationToken) is not { } values)
        {
            return TypedResults.NotFound();
        }

        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var own = $"{values.Unit.Name} ({values.Unit.Code})";
        var rows = values.Values.Select(value => new ExportRow(own, value))
            .Concat(values.PartialShares.SelectMany(share => share.Values.Select(value =>
                new ExportRow(text["Exports.Indicators.PartialShare", share.From.Name, share.From.Code, values.Unit.Name], value))));
        var table = ExportTable.Of<ExportRow>(text["Exports.Indicators.Sheet"], rows,
        [
            new(text["Exports.Indicators.RecordsOf"], row => row.RecordsOf),
            new(text["Exports.Indicators.Code"], row => row.Value.Definition.Code),
            new(text["Exports.Indicators.Name"], row => row.Value.Definition.Name(english)),
            new(text["Exports.Indicators.Unit"], row => text[$"Exports.Indicators.{row.Value.Definition.Unit}"].Value),
            new(text["Exports.Indicators.Numerator"], row => row.Value.Numerator),
            new(text["Exports.Indicators.Denominator"], row => row.Value.Denominator),
            new(text["Exports.Indicators.Value"], row => Figure(row.Value.Definition, row.Value.Value)),
            new(text["Exports.Indicators.Target"], row => Figure(row.Value.Definition, row.Value.Definition.Target)),
        ]);
        return TypedResults.File(
            ExportWriter.Write(table, file!.Value),
            file.Value.ContentType(),
            $"indicators-{values.Unit.Code}-{IsoDate.Format(values.Period.From)}-{IsoDate.Format(values.Period.To)}.{file.Value.Extension()}");
    }

    /// <summary>A value or target as its indicator counts it: a whole number for a count, a number with its fraction for a percentage or an average.</summary>
    private static ExportCell Figure(IndicatorDefinition indicator, double? value) =>
        indicator.Unit == IndicatorUnit.Count && value is { } count ? (ExportCell)(long)Math.Round(count) : value;
}
