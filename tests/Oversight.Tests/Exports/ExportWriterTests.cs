using System.Text;
using DocumentFormat.OpenXml.Spreadsheet;
using Oversight.Exports;
using Oversight.Imports;

namespace Oversight.Tests.Exports;

/// <summary>The one writer of exports: CSV as RFC 4180 with a byte order mark, XLSX with typed cells under a bold, frozen header.</summary>
public sealed class ExportWriterTests
{
    private sealed record Session(string Reference, DateOnly HeldOn, string Host, int Visits, double? Rate, string? Note);

    private static readonly ExportColumn<Session>[] Columns =
    [
        new("Số", s => s.Reference),
        new("Ngày tiếp", s => s.HeldOn),
        new("Người chủ trì", s => s.Host),
        new("Số lượt", s => s.Visits),
        new("Tỷ lệ", s => s.Rate),
        new("Ghi chú", s => s.Note),
    ];

    private static readonly Session[] Sessions =
    [
        new("TCD-01", new(2024, 7, 19), "Nguyễn Văn Quyết, Bí thư", 11_300, 81.818181818181813, "Ông nói: \"giải quyết dứt điểm\"\nrồi ký biên bản"),
        new("TCD-02", new(2023, 8, 7), "Trần Thị Hòa", 0, null, "=HYPERLINK(\"http://example.invalid\")"),
    ];

    private static ExportTable Table => ExportTable.Of("Sổ tiếp công dân: Xã Tốt Động [2024]", Sessions, Columns);

    [Fact]
    public async Task Csv_is_utf8_with_a_byte_order_mark_quoted_as_rfc_4180_with_iso_days_and_plain_numbers()
    {
        var bytes = ExportWriter.Write(Table, TabularFormat.Csv);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        var read = await ExportFiles.ReadCsvAsync(bytes);

        Assert.StartsWith("Số,Ngày tiếp,Người chủ trì,Số lượt,Tỷ lệ,Ghi chú\r\n", text);
        Assert.Contains("TCD-01,2024-07-19,\"Nguyễn Văn Quyết, Bí thư\",11300,81.81818181818181,\"Ông nói: \"\"giải quyết dứt điểm\"\"\nrồi ký biên bản\"\r\n", text);
        Assert.EndsWith("TCD-02,2023-08-07,Trần Thị Hòa,0,,\"'=HYPERLINK(\"\"http://example.invalid\"\")\"\r\n", text);
        Assert.Equal(["Số", "Ngày tiếp", "Người chủ trì", "Số lượt", "Tỷ lệ", "Ghi chú"], read.Headers);
        Assert.Equal(["Nguyễn Văn Quyết, Bí thư", "Trần Thị Hòa"], read.Column("Người chủ trì"));
        Assert.Equal(["Ông nói: \"giải quyết dứt điểm\"\nrồi ký biên bản", "'=HYPERLINK(\"http://example.invalid\")"], read.Column("Ghi chú"));
        Assert.Equal(["81.81818181818181", null], read.Column("Tỷ lệ"));
        Assert.All(read.Texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), $"'{t}' is not NFC"));
    }

    [Fact]
    public async Task Xlsx_cells_are_typed_days_as_dates_numbers_as_numbers_under_a_bold_frozen_header()
    {
        var bytes = ExportWriter.Write(Table, TabularFormat.Xlsx);
        var read = await ExportFiles.ReadXlsxAsync(bytes);

        Assert.Equal(["Số", "Ngày tiếp", "Người chủ trì", "Số lượt", "Tỷ lệ", "Ghi chú"], read.Headers);
        Assert.Equal([new DateTime(2024, 7, 19), new DateTime(2023, 8, 7)], read.Column("Ngày tiếp"));
        Assert.Equal([11_300d, 0d], read.Column("Số lượt"));
        Assert.Equal([81.818181818181813, null], read.Column("Tỷ lệ"));
        Assert.Equal(["Nguyễn Văn Quyết, Bí thư", "Trần Thị Hòa"], read.Column("Người chủ trì"));
        Assert.Equal(["Ông nói: \"giải quyết dứt điểm\"\nrồi ký biên bản", "=HYPERLINK(\"http://example.invalid\")"], read.Column("Ghi chú"));

        var (day, dayFormat) = ExportFiles.XlsxCell(bytes, "B2");
        var (count, countFormat) = ExportFiles.XlsxCell(bytes, "D2");
        var (formulaText, _) = ExportFiles.XlsxCell(bytes, "F3");
        Assert.Equal(("45492", "yyyy-mm-dd"), (day.CellValue!.Text, dayFormat));
        Assert.Null(day.DataType);
        Assert.Equal(("11300", "built-in 3"), (count.CellValue!.Text, countFormat));
        Assert.Equal(CellValues.InlineString, formulaText.DataType!.Value);
        Assert.Null(formulaText.CellFormula);
        Assert.All(read.Texts, t => Assert.True(t.IsNormalized(NormalizationForm.FormC), $"'{t}' is not NFC"));
    }

    [Fact]
    public void Xlsx_names_its_sheet_as_spreadsheets_allow_and_leaves_out_characters_xml_cannot_hold()
    {
        var table = ExportTable.Of<string>("Sổ: theo/dõi? [tất cả] đơn thư khiếu nại tố cáo", ["Phản ánh\u0001 về rác\u000B thải"], [new("Nội dung", s => s)]);

        var bytes = ExportWriter.Write(table, TabularFormat.Xlsx);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var name = document.WorkbookPart!.Workbook.Descendants<Sheet>().Single().Name!.Value!;
        Assert.Equal("Sổ  theo dõi   tất cả  đơn thư", name);
        Assert.True(name.Length <= 31);
        Assert.Equal("Phản ánh về rác thải", document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<InlineString>().Last().InnerText);
    }
}
