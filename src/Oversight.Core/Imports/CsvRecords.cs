using System.Text;

namespace Oversight.Imports;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes; CRLF, LF or CR end a record. Text must be UTF-8 (a byte order mark is allowed).
/// </summary>
/// <remarks>
/// Records are numbered as a spreadsheet numbers the rows it opens the file into, so a quoted field spanning
/// two lines still counts as one row.
/// </remarks>
internal static class CsvRecords
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<RawTable> ReadAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            text = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            return new RawTable([], ImportMessages.NotUtf8.At(fileName, 0, null));
        }

        return Parse(fileName, text);
    }

    internal static RawTable Parse(string fileName, string text)
    {
        var records = new List<object?[]>();
        var fields = new List<object?>();
        var field = new StringBuilder();
        var position = 0;
        var fieldStarted = false;

        void EndField()
        {
            fields.Add(field.Length == 0 ? null : field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            EndField();
            records.Add(fields.ToArray());
            fields.Clear();
        }

        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"' && !fieldStarted && field.Length == 0)
            {
                var recordNumber = records.Count + 1;
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        return new RawTable([], ImportMessages.QuoteNotClosed.At(fileName, recordNumber, null, fields.Count + 1));
                    }

                    if (text[position] == '"')
                    {
                        if (position + 1 < text.Length && text[position + 1] == '"')
                        {
                            field.Append('"');
                            position += 2;
                            continue;
                        }

                        position++;
                        break;
                    }

                    field.Append(text[position++]);
                }

                fieldStarted = true;
                if (position < text.Length && text[position] is not (',' or '\r' or '\n'))
                {
                    return new RawTable([], ImportMessages.TextAfterQuote.At(fileName, recordNumber, null, fields.Count + 1));
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    EndRecord();
                    if (c == '\r' && position + 1 < text.Length && text[position + 1] == '\n')
                    {
                        position++;
                    }

                    break;
                default:
                    field.Append(c);
                    break;
            }

            position++;
        }

        if (fieldStarted || field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return new RawTable(records, null);
    }
}
