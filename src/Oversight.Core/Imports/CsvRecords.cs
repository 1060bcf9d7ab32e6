using System.Text;

namespace Oversight.Imports;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes; CRLF, LF or CR end a record. Text must be UTF-8 (a byte order mark is allowed).
/// </summary>
/// <remarks>
/// Records are read one at a time from the stream, and numbered as a spreadsheet numbers the rows it opens the file
/// into, so a quoted field spanning two lines still counts as one row. A fault of the format is thrown as an
/// <see cref="UnreadableFileException"/> when the reading reaches it, with its row: bytes that are not UTF-8 (a file
/// saved in a legacy code page such as Windows-1258 or TCVN3) and NUL characters (a file saved as UTF-16) are reported
/// on the first row that has them.
/// </remarks>
internal static class CsvRecords
{
    /// <summary>What a byte that is not UTF-8 reads as: a noncharacter, which no spreadsheet writes.</summary>
    private const char NotUtf8 = '\uFFFF';

    private static readonly Encoding Utf8MarkingBadBytes = Encoding.GetEncoding(
        Encoding.UTF8.CodePage, EncoderFallback.ExceptionFallback, new DecoderReplacementFallback(NotUtf8.ToString()));

    public static IEnumerable<object?[]> Read(string fileName, Stream content)
    {
        using var reader = new StreamReader(content, Utf8MarkingBadBytes, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var chars = new Chars(fileName, reader);
        var fields = new List<object?>();
        var field = new StringBuilder();
        var quoted = false;

        void EndField()
        {
            fields.Add(field.Length == 0 ? null : field.ToString());
            field.Clear();
            quoted = false;
        }

        object?[] EndRecord()
        {
            EndField();
            var cells = fields.ToArray();
            fields.Clear();
            chars.Record++;
            return cells;
        }

        for (var c = chars.Next(); c >= 0; c = chars.Next())
        {
            if (c == '"' && !quoted && field.Length == 0)
            {
                ReadQuoted(fileName, chars, field, fields.Count + 1);
                quoted = true;
                continue;
            }

            switch (c)
            {
                case ',':
                    EndField();
                    break;
                case '\r' or '\n':
                    if (c == '\r' && chars.Peek() == '\n')
                    {
                        chars.Next();
                    }

                    yield return EndRecord();
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (quoted || field.Length > 0 || fields.Count > 0)
        {
            yield return EndRecord();
        }
    }

    /// <summary>Reads a quoted field after its opening quote, up to and including its closing quote, which must end the field.</summary>
    private static void ReadQuoted(string fileName, Chars chars, StringBuilder field, int fieldNumber)
    {
        while (true)
        {
            var c = chars.Next();
            if (c < 0)
            {
                throw new UnreadableFileException(ImportMessages.QuoteNotClosed.At(fileName, chars.Record, null, fieldNumber));
            }

            if (c == '"')
            {
                if (chars.Peek() != '"')
                {
                    break;
                }

                chars.Next();
            }

            field.Append((char)c);
        }

        if (chars.Peek() is >= 0 and not (',' or '\r' or '\n'))
        {
            throw new UnreadableFileException(ImportMessages.TextAfterQuote.At(fileName, chars.Record, null, fieldNumber));
        }
    }

    /// <summary>The characters of the file, a block at a time, with one of look-ahead.</summary>
    private sealed class Chars(string fileName, StreamReader reader)
    {
        private readonly char[] buffer = new char[1 << 14];
        private int position;
        private int length;

        /// <summary>The row being read, as a spreadsheet numbers it.</summary>
        public int Record { get; set; } = 1;

        /// <summary>The next character, consumed; -1 at the end. One that is not text stops the reading, with its row.</summary>
        public int Next()
        {
            if (position == length && !Fill())
            {
                return -1;
            }

            var c = buffer[position++];
            return c is NotUtf8 or '\0' ? throw new UnreadableFileException(ImportMessages.NotUtf8.At(fileName, Record, null)) : c;
        }

        /// <summary>The next character, left to be read; -1 at the end.</summary>
        public int Peek() => position < length || Fill() ? buffer[position] : -1;

        private bool Fill()
        {
            length = reader.Read(buffer, 0, buffer.Length);
            position = 0;
            return length > 0;
        }
    }
}
