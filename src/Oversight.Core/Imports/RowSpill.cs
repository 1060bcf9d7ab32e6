using System.Collections.Frozen;
using System.Text;

namespace Oversight.Imports;

/// <summary>
/// Rows of a file put aside in a temporary file of their own, each read back by the place <see cref="Add"/> gave it:
/// an import that writes its rows in another order than the file's (by their dates) keeps of each row only its place
/// in memory, however long the file. The file is deleted when this is disposed.
/// </summary>
/// <remarks>
/// A cell keeps its type (text, number, date, yes/no), so that a row read back reads as it did from the spreadsheet;
/// a cell of any other type is kept as its text, which is all <see cref="RowCells"/> reads of it.
/// </remarks>
internal sealed class RowSpill : IDisposable
{
    private readonly FileStream file = new(
        Path.Combine(Path.GetTempPath(), $"oversight-import-{Guid.NewGuid():N}.rows"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

    private readonly BinaryWriter writer;
    private readonly BinaryReader reader;
    private FrozenDictionary<string, int>? columns;
    private string fileName = "";
    private bool appending = true;

    public RowSpill()
    {
        writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
        reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Puts a row aside (the rows of one file); its place, for <see cref="Read"/>.</summary>
    public long Add(TabularRow row)
    {
        (columns, fileName) = (row.Columns, row.File);
        if (!appending)
        {
            file.Seek(0, SeekOrigin.End);
            appending = true;
        }

        var place = file.Position;
        writer.Write(row.Number);
        writer.Write(row.Cells.Length);
        foreach (var cell in row.Cells)
        {
            switch (cell)
            {
                case null:
                    writer.Write((byte)Kind.Blank);
                    break;
                case double number:
                    writer.Write((byte)Kind.Number);
                    writer.Write(number);
                    break;
                case DateTime date:
                    writer.Write((byte)Kind.Date);
                    writer.Write(date.ToBinary());
                    break;
                case bool flag:
                    writer.Write((byte)Kind.Flag);
                    writer.Write(flag);
                    break;
                default:
                    writer.Write((byte)Kind.Text);
                    writer.Write(TabularCell.Text(cell)!);
                    break;
            }
        }

        return place;
    }

    /// <summary>The row put aside at <paramref name="place"/>.</summary>
    public TabularRow Read(long place)
    {
        appending = false;
        file.Position = place;
        var number = reader.ReadInt32();
        var cells = new object?[reader.ReadInt32()];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = (Kind)reader.ReadByte() switch
            {
                Kind.Blank => null,
                Kind.Number => reader.ReadDouble(),
                Kind.Date => DateTime.FromBinary(reader.ReadInt64()),
                Kind.Flag => reader.ReadBoolean(),
                _ => reader.ReadString(),
            };
        }

        return new TabularRow(fileName, number, columns!, cells);
    }

    public void Dispose()
    {
        writer.Dispose();
        reader.Dispose();
        file.Dispose();
    }

    private enum Kind : byte
    {
        Blank,
        Text,
        Number,
        Date,
        Flag,
    }
}
