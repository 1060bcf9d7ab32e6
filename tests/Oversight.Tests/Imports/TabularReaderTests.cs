using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Oversight.Data;
using Oversight.Imports;
using Oversight.Tests.Infrastructure;

namespace Oversight.Tests.Imports;

public sealed class TabularReaderTests
{
    private static readonly string[] Columns = ["code", "name"];

    [Fact]
    public void Csv_rows_keep_spreadsheet_numbers_through_quoted_line_breaks_and_blank_rows()
    {
        var csv = "code,name\r\n\"10015\",\"Thị trấn\r\nChúc Sơn\"\r\n\r\n,\r\n10018,\"Xã \"\"Xuân\"\" Mai, Hà Nội\"\n10021,Phụng Châu";

        var result = Read("units.csv", ImportTesting.Utf8(csv, byteOrderMark: true));

        var table = Assert.IsType<TabularTable>(result.Table);
        Assert.Equal(["code", "name"], table.Columns);
        Assert.Equal(
            [(2, "10015", "Thị trấn\r\nChúc Sơn"), (5, "10018", "Xã \"Xuân\" Mai, Hà Nội"), (6, "10021", "Phụng Châu")],
            table.Rows.Select(r => (r.Number, (string)r["code"]!, (string)r["name"]!)));
    }

    [Fact]
    public void Rows_are_counted_first_against_the_limit_blank_ones_not_counted_and_read_again_at_each_enumeration()
    {
        const string csv = "code,name\n10015,Chúc Sơn\n\n,\n10018,Xuân Mai\n";

        var limited = TabularReader.Read("units.csv", ImportTesting.Utf8(csv), Columns, 1, TestContext.Current.CancellationToken);
        var table = TabularReader.Read("units.csv", ImportTesting.Utf8(csv), Columns, 2, TestContext.Current.CancellationToken).Table!;

        Assert.Equal("units.csv: more than 1 data rows: an import takes at most 1 (Imports:MaxRows); split the file, nothing was written", Assert.Single(limited.Errors).ToString());
        Assert.Equal(2, table.RowCount);
        Assert.Equal([2, 5], table.Rows.Select(r => r.Number));
        Assert.Equal([2, 5], table.Rows.Select(r => r.Number));
    }

    [Fact]
    public void The_header_matches_in_any_case_and_order_with_extra_columns()
    {
        var result = Read("units.csv", ImportTesting.Utf8("Note,NAME,Code\nx,Xã Tốt Động,10060"));

        var row = Assert.Single(result.Table!.Rows);
        Assert.Equal(("10060", "Xã Tốt Động", "x"), ((string)row["code"]!, (string)row["name"]!, (string)row["note"]!));
    }

    [Fact]
    public void Missing_and_repeated_header_columns_are_reported_on_row_1()
    {
        var result = Read("units.csv", ImportTesting.Utf8("code,Code,kind\n1,2,3"));

        Assert.Null(result.Table);
        Assert.Equal(
            ["units.csv:1: column Code: the header names this column twice (columns A and B)", "units.csv:1: column name: the header has no such column"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_row_it_opens_on()
    {
        var result = Read("units.csv", ImportTesting.Utf8("code,name\n1,ok\n2,\"never closed\n3,x"));

        Assert.Equal("units.csv:3: field 2 opens a quote that is never closed", Assert.Single(result.Errors).ToString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_csv_in_a_legacy_code_page_is_reported_on_the_first_row_that_is_not_utf8(bool byteOrderMark)
    {
        // "Đông" in Windows-1258 on row 3: D0 F4 6E 67.
        var bytes = (byteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat("code,name\n10015,Chuc Son\n10018,"u8.ToArray()).Concat(new byte[] { 0xD0, 0xF4, 0x6E, 0x67, (byte)'\n' }).ToArray();

        var result = Read("units.csv", new MemoryStream(bytes));

        Assert.Null(result.Table);
        Assert.Equal("units.csv:3: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void A_csv_saved_as_utf16_is_reported_as_not_utf8()
    {
        var result = Read("units.csv", new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("code,name\n10015,Chúc Sơn\n")).ToArray()));

        Assert.Null(result.Table);
        Assert.Equal("units.csv:1: the file is not UTF-8 text; save it from the spreadsheet as \"CSV UTF-8\"", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Other_file_types_and_broken_workbooks_are_reported_not_thrown()
    {
        var text = Read("units.txt", ImportTesting.Utf8("code,name"));
        var broken = Read("units.xlsx", ImportTesting.Utf8("code,name\n1,2"));

        Assert.Contains(".csv or .xlsx", Assert.Single(text.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("not a readable XLSX workbook", Assert.Single(broken.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_reads_the_first_sheet_with_typed_cells_and_spreadsheet_row_numbers()
    {
        var path = ImportTesting.WriteXlsx(
        [
            ["code", "name", "from"],
            [10015.0, "Thị trấn Chúc Sơn", new DateTime(2024, 7, 19)],
            [null, null, null],
            ["0277", "Huyện Chương Mỹ", "2024-07-19"],
        ]);

        await using var content = File.OpenRead(path);
        var result = TabularReader.Read("units.xlsx", content, ["code", "name", "from"], ImportSettings.DefaultMaxRows, TestContext.Current.CancellationToken);

        var errors = new ImportErrors();
        var rows = result.Table!.Rows.Select(r => (r.Number, errors.Cells(r).Text("code"), errors.Cells(r).Date("from"))).ToArray();
        Assert.Equal([(2, "10015", new DateOnly(2024, 7, 19)), (4, "0277", new DateOnly(2024, 7, 19))], rows.Select(r => (r.Number, r.Item2, r.Item3!.Value)));
        Assert.Equal(0, errors.Count);
    }

    [Theory]
    [InlineData("units", "csv")]
    [InlineData("units", "xlsx")]
    [InlineData("people", "csv")]
    [InlineData("people", "xlsx")]
    public async Task Each_template_reads_back_with_its_header_and_one_vietnamese_example_row(string name, string extension)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var scope = database.SystemScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCatalog>().Find(name)!;
        var format = TabularFormats.FromFileName($"{name}.{extension}")!.Value;

        var result = TabularReader.Read($"{name}.{extension}", new MemoryStream(import.Template(format)), import.Columns.Select(c => c.Name).ToArray(), ImportSettings.DefaultMaxRows, TestContext.Current.CancellationToken);

        var table = Assert.IsType<TabularTable>(result.Table);
        Assert.Equal(import.Columns.Select(c => c.Name), table.Columns);
        var example = Assert.Single(table.Rows);
        var errors = new ImportErrors();
        Assert.Equal(import.Columns.Select(c => c.Example.Length == 0 ? null : c.Example), import.Columns.Select(c => errors.Cells(example).Text(c.Name)));
        Assert.Contains(import.Columns, c => c.Example.Normalize(NormalizationForm.FormD) != c.Example);
    }

    private static TabularReadResult Read(string fileName, Stream content) =>
        TabularReader.Read(fileName, content, Columns, ImportSettings.DefaultMaxRows, TestContext.Current.CancellationToken);
}
