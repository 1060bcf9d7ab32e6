using System.Globalization;
using Oversight.Accounts;
using Oversight.Records;
using Oversight.Text;

namespace Oversight.Imports;

/// <summary>Every error an import finds, collected before anything is written; the first <see cref="Listed"/> of them kept.</summary>
/// <remarks>
/// Every error is counted, so the import fails and says how many there were; a file wrong on every row lists its first
/// thousand errors, not a million, which memory and the result's page would have to hold.
/// </remarks>
public sealed class ImportErrors
{
    /// <summary>How many errors are kept to be listed.</summary>
    public const int Listed = 1_000;

    private readonly List<ImportError> errors = [];

    /// <summary>Every error found, listed or not.</summary>
    public int Count { get; private set; }

    public void Add(TabularRow row, string? column, ImportMessage message, params object?[] values) => Keep(message.At(row.File, row.Number, column, values));

    /// <summary>Reports a message that is not one of <see cref="ImportMessages"/>; pages show it as written.</summary>
    public void Add(TabularRow row, string? column, string message) => Keep(new ImportError(row.File, row.Number, column, message));

    /// <summary>Reports a write service's field error; pages translate it as the service's pages do (<c>RecordError.{Key}</c>).</summary>
    public void Add(TabularRow row, string? column, FieldError error) =>
        Keep(new ImportError(row.File, row.Number, column, error.Message) { Key = $"RecordError.{error.Key}", Arguments = error.Arguments });

    /// <summary>Reads typed values from <paramref name="row"/>, reporting unreadable cells here.</summary>
    public RowCells Cells(TabularRow row) => new(row, this);

    /// <summary>The errors kept, in file order: by row, then by column as reported.</summary>
    public IReadOnlyList<ImportError> Sorted() => errors.OrderBy(e => e.Row).ToArray();

    /// <summary>The failed import's result: the errors kept, in file order, and how many there were.</summary>
    public ImportResult Result(string file, int rows, bool dryRun) => ImportResult.Failed(file, rows, dryRun, Sorted()) with { ErrorCount = Count };

    private void Keep(ImportError error)
    {
        if (++Count <= Listed)
        {
            errors.Add(error);
        }
    }
}

/// <summary>
/// Typed reading of one row's cells. Each method returns the value, or null when the cell is blank or
/// unreadable, and reports the unreadable (and the blank required) cells to the row's <see cref="ImportErrors"/>.
/// Text is NFC-normalised with white space collapsed.
/// </summary>
public sealed class RowCells(TabularRow row, ImportErrors errors)
{
    /// <summary>Whether a cell was reported since this reader was made.</summary>
    public bool HasErrors { get; private set; }

    public TabularRow Row => row;

    public void Error(string? column, ImportMessage message, params object?[] values)
    {
        HasErrors = true;
        errors.Add(row, column, message, values);
    }

    /// <summary>Reports a message that is not one of <see cref="ImportMessages"/>; pages show it as written.</summary>
    public void Error(string? column, string message)
    {
        HasErrors = true;
        errors.Add(row, column, message);
    }

    /// <summary>Reports a write service's field error (<see cref="FieldError"/>) under a column.</summary>
    public void Error(string? column, FieldError error)
    {
        HasErrors = true;
        errors.Add(row, column, error);
    }

    /// <summary>The cell as text; null when blank, or when longer than <paramref name="maxLength"/> (reported).</summary>
    public string? Text(string column, int maxLength = int.MaxValue)
    {
        var text = VietnameseText.Normalize(TabularCell.Text(row[column]));
        if (text is not null && text.Length > maxLength)
        {
            Error(column, ImportMessages.TooLong, text.Length, maxLength);
            return null;
        }

        return text;
    }

    public bool IsBlank(string column) => TabularCell.IsBlank(row[column]);

    /// <summary>An e-mail address alone (<c>name@example.org</c>); null when blank, or when it is not one (reported).</summary>
    public string? Email(string column)
    {
        var text = Text(column, 256)?.Trim();
        if (text is not null && !AccountService.IsEmailAddress(text))
        {
            Error(column, ImportMessages.NotAnEmail, text);
            return null;
        }

        return text;
    }

    /// <summary>The text of a cell that must not be blank.</summary>
    public string? Required(string column, int maxLength = int.MaxValue)
    {
        if (IsBlank(column))
        {
            Error(column, ImportMessages.Empty);
            return null;
        }

        return Text(column, maxLength);
    }

    /// <summary>A date cell that must not be blank.</summary>
    public DateOnly? RequiredDate(string column)
    {
        if (IsBlank(column))
        {
            Error(column, ImportMessages.Empty);
            return null;
        }

        return Date(column);
    }

    /// <summary>One of an enum's wire names, in a cell that must not be blank.</summary>
    public TEnum? RequiredChoice<TEnum>(string column) where TEnum : struct, Enum
    {
        if (IsBlank(column))
        {
            Error(column, ImportMessages.Empty);
            return null;
        }

        return Choice<TEnum>(column);
    }

    /// <summary>A list in one cell (see <see cref="VietnameseText.Entries"/>); empty when the cell is blank.</summary>
    public IReadOnlyList<string> List(string column) => VietnameseText.Entries(Text(column));

    /// <summary>A date written <c>YYYY-MM-DD</c>, or a date cell of a workbook.</summary>
    public DateOnly? Date(string column)
    {
        switch (row[column])
        {
            case null:
                return null;
            case DateTime dateTime:
                return DateOnly.FromDateTime(dateTime);
            case var value when TabularCell.IsBlank(value):
                return null;
            case var value:
                var text = TabularCell.Text(value)!.Trim();
                if (IsoDate.TryParse(text, out var date))
                {
                    return date;
                }

                Error(column, ImportMessages.NotADate, text);
                return null;
        }
    }

    /// <summary>One of an enum's wire names (<see cref="WireNames{TEnum}"/>); blank gives <paramref name="whenBlank"/>.</summary>
    public TEnum? Choice<TEnum>(string column, TEnum? whenBlank = null) where TEnum : struct, Enum
    {
        var text = Text(column);
        if (text is null)
        {
            return whenBlank;
        }

        if (WireNames<TEnum>.TryParse(text, out var value))
        {
            return value;
        }

        Error(column, ImportMessages.NotOneOf, text, string.Join(", ", WireNames<TEnum>.All));
        return null;
    }

    /// <summary>A whole number from <paramref name="least"/> to <paramref name="most"/>; blank gives null.</summary>
    public int? Integer(string column, int least, int most)
    {
        var text = Text(column);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most)
        {
            return number;
        }

        Error(column, ImportMessages.NotAWholeNumber, text, least, most);
        return null;
    }

    /// <summary>Yes or no: <c>yes</c>/<c>no</c>, <c>true</c>/<c>false</c>, <c>1</c>/<c>0</c>, <c>x</c>, <c>có</c>/<c>không</c>, or a workbook's TRUE/FALSE; blank is no.</summary>
    public bool? Flag(string column)
    {
        if (row[column] is bool flag)
        {
            return flag;
        }

        var text = Text(column);
        switch (VietnameseText.Fold(text))
        {
            case "" or "no" or "false" or "0" or "khong":
                return false;
            case "yes" or "true" or "1" or "x" or "co":
                return true;
            default:
                Error(column, ImportMessages.NotYesOrNo, text);
                return null;
        }
    }
}

/// <summary>Cell values as the readers produce them.</summary>
internal static class TabularCell
{
    public static bool IsBlank(object? value) => value is null || (value is string text && string.IsNullOrWhiteSpace(text));

    /// <summary>A cell as text: numbers without a needless fraction (a code typed as a number, 10015, stays "10015"), dates as YYYY-MM-DD.</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime dateTime => IsoDate.Format(DateOnly.FromDateTime(dateTime)),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
