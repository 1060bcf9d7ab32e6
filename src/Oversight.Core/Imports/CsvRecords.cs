using System.Text;

namespace Oversight.Imports;

/// <summary>
/// A small RFC 4180 reader: comma-separated fields, fields in double quotes may hold commas, line breaks and
/// doubled quotes; CRLF, LF or CR end a record. Text must be UTF-8 (a byte order mark is allowed).
/// </summary>
/// <remarks>
/// Records are read one at a time from the stream, and numbered as a spreadsheet numbers the rows it opens the file
/// into, so a quoted field spanning two lines still counts as one row. A fault of the format is thrown as an
/// <see cref="UnreadableFileException"/> when the reading reaches it.
/// </remarks>
internal static class CsvRecords
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<object?[]> Read(string fileName, Stream content)
    {
        using var reader = new StreamReader(content, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        var chars = new Chars(fileName, reader);
        var fields = new List<object?>();
        var field = new StringBuilder();
        var record = 1;
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
            record++;
            return cells;
        }

        for (var c = chars.Next(); c >= 0; c = chars.Next())
        {
            if (c == '"' && !quoted && field.Length == 0)
            {
                ReadQuoted(fileName, chars, field, record, fields.Count + 1);
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
    private static void ReadQuoted(string fileName, Chars chars, StringBuilder field, int record, int fieldNumber)
    {
        while (true)
        {
            var c = chars.Next();
            if (c < 0)
            {
                throw new UnreadableFileException(ImportMessages.QuoteNotClosed.At(fileName, record, null, fieldNumber));
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
            throw new UnreadableFileException(ImportMessages.TextAfterQuote.At(fileName, record, null, fieldNumber));
        }
    }

    /// <summary>The characters of the file, a block at a time, with one of look-ahead.</summary>
    private sealed class Chars(string fileName, StreamReader reader)
    {
        private readonly char[] buffer = new char[1 << 14];
        private int position;
        private int length;

        /// <summary>The next character, consumed; -1 at the end.</summary>
        public int Next() => position < length || Fill() ? buffer[position++] : -1;

        /// <summary>The next character, left to be read; -1 at the end.</summary>
        public int Peek() => position < length || Fill() ? buffer[position] : -1;

        private bool Fill()
        {
            try
            {
                length = reader.Read(buffer, 0, buffer.Length);
            }
            catch (DecoderFallbackException)
            {
                throw new UnreadableFileException(ImportMessages.NotUtf8.At(fileName, 0, null));
            }

            position = 0;
            return length > 0;
        }
    }
}
