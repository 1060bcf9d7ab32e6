using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Oversight.Data;
using Oversight.Reports;
using Oversight.Tests.Accountability;
using Oversight.Tests.Demo;
using Oversight.Tests.Infrastructure;
using PdfSharp.Pdf.IO;

namespace Oversight.Tests.Reports;

/// <summary>The demo's report for Chương Mỹ, 1 Aug 2023 – 19 Jul 2024, written in every format and opened again (see <see cref="LoadedDemo"/>).</summary>
public sealed class InspectionReportTests(LoadedDemo demo) : IClassFixture<LoadedDemo>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_cli_writes_the_seed_report_as_a_docx_in_the_party_layout_with_the_81_1_percent_claim_flagged(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        var path = Path.Combine(Path.GetTempPath(), "oversight-tests", $"{Guid.NewGuid():N}", "report.docx");

        var (exitCode, output, error) = await database.RunAsync("report", "--unit", "277", "--from", "2023-08-01", "--to", "2024-07-19", "--lang", "vi", "--format", "docx", "--out", path);

        Assert.True(exitCode == 0, error);
        Assert.Contains(path, output);
        using var document = WordprocessingDocument.Open(path, false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var section = body.Elements<SectionProperties>().Single();
        Assert.Equal((11906u, 16838u), (section.GetFirstChild<PageSize>()!.Width!.Value, section.GetFirstChild<PageSize>()!.Height!.Value));
        var margins = section.GetFirstChild<PageMargin>()!;
        Assert.Equal((1134, 1134, 1701u, 850u), (margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value));
        var fonts = document.MainDocumentPart.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First();
        Assert.Equal("Times New Roman", fonts.Ascii!.Value);
        var text = body.InnerText;
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        // The City Party Committee's delegation writes in the Party's layout, signed by its head.
        Assert.Contains("ĐẢNG CỘNG SẢN VIỆT NAM", text);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("THÀNH ỦY HÀ NỘIĐOÀN KIỂM TRA*Số \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0-BC/ĐKT", text);
        Assert.Contains("Kết quả kiểm tra việc thực hiện Chỉ thị 24-CT/TU tại Huyện ủy Chương Mỹ", text);
        Assert.Contains("T/M ĐOÀN KIỂM TRATRƯỞNG ĐOÀN", text);
        Assert.Contains("Nơi nhận:- Thành ủy Hà Nội (để báo cáo),- Huyện ủy Chương Mỹ,", text);
        Assert.DoesNotContain("Oversight", text);

        // Nothing internal and no clause stating that there were none ("0 đảng viên"), in the body or the annex.
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain(Oversight.Indicators.IndicatorCatalog.Shipped.Indicators, i => text.Contains(i.Code, StringComparison.Ordinal));
        var bodyText = text[..text.IndexOf("PHỤ LỤC", StringComparison.Ordinal)];
        Assert.DoesNotMatch(@"(?<![\d.,/])0 \p{Ll}", bodyText);
        Assert.Contains("kiểm tra 10 đơn vị, tổ chức đảng; giám sát 1 tổ chức đảng", text);

        // The receptions in the period the district reported them for, the figures the reconciliation checks.
        Assert.Contains("Từ ngày 01/08/2023 đến ngày 31/05/2024: Lãnh đạo chính quyền tiếp 508 công dân; giải quyết 108/144 vụ việc thuộc thẩm quyền, đạt 75,0%", text);
        Assert.Contains("Từ ngày 01/08/2023 đến ngày 31/05/2024: Bí thư tiếp công dân 10 ngày", text);
        // The table under them says the same, for the same period.
        Assert.Contains("Tỷ lệ giải quyết vụ việc thuộc thẩm quyền qua lãnh đạo tiếp công dân (01/08/2023 – 31/05/2024)10814475,0%", text);
        Assert.DoesNotContain("114144", text);
        Assert.Contains("tỷ lệ tham dự đạt 99,2% (1.240/1.250 người được triệu tập)", text);
        Assert.Contains("Bí thư tiếp công dân", text);
        // Parts I–IV: the parts with nothing written for them yet (III. assessment, IV. requests) are left out, and the
        // sections are numbered as they are kept.
        Assert.Contains("I. CĂN CỨ, MỤC ĐÍCH, PHƯƠNG PHÁP KIỂM TRA", text);
        Assert.Contains("Đoàn kiểm tra gồm 2 đồng chí:", text);
        Assert.Contains("II. KẾT QUẢ KIỂM TRA1. Công tác quán triệt, phổ biến", text);
        Assert.DoesNotContain("III. ĐÁNH GIÁ CHUNG", text);
        // The follow-up tasks as they stood at the end of the period, as the figures above them count them.
        Assert.Contains("Các kết luận kiểm tra đến cuối kỳ đặt 5 nhiệm vụ cho đơn vị.", text);
        Assert.Contains("Nhiệm vụ theo kết luận, tình trạng đến ngày 19/07/2024", text);
        Assert.DoesNotContain("Đã hoàn thành 20/09/2024", text);
        Assert.Contains("Phụ lục 1. Số liệu của từng đơn vị trực thuộc", text);
        Assert.Contains("Toàn huyện Chương Mỹ11.318", text);
        Assert.Contains("Phụ lục 3. Đối chiếu số liệu đơn vị báo cáo với hồ sơ", text);
        Assert.Contains("Báo cáo của đơn vị nêu 33 số liệu trong kỳ: 32 khớp, 1 không khớp.", text);
        var flagged = body.Descendants<Paragraph>().Single(p => p.InnerText.StartsWith("Không khớp: “Giải quyết 18/22 vụ việc thuộc thẩm quyền, đạt 81,1%”", StringComparison.Ordinal));
        Assert.NotNull(flagged.Descendants<Run>().First().RunProperties!.Bold);
        Assert.Contains("18/22 = 81,8%, không phải 81,1%", flagged.InnerText);
        Assert.Contains("Phụ lục 4. Hồ sơ của từng số liệu", text);
        Assert.Contains("VV-277-2023-0001", text);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_no_outside_body_inspected_for_is_laid_out_as_the_states(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        await using var scope = database.SystemScope();

        // Hà Nội: its own Party Committee's delegation is no outside inspection of it.
        var report = (await scope.ServiceProvider.GetRequiredService<InspectionReport>().BuildAsync("01", new(2024, 7, 1), new(2024, 7, 19), english: false, cancellationToken: Cancel))!;

        Assert.Equal(DocumentLayoutKind.State, report.Layout.Kind);
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], report.Header.Title);
        Assert.Equal("Số: \u00A0\u00A0\u00A0\u00A0\u00A0\u00A0/BC-ĐKT", report.Header.Number);
        Assert.Null(report.Header.BodyAbove);
        Assert.Equal(new ReportSignature("TM. ĐOÀN KIỂM TRA", "TRƯỞNG ĐOÀN", null), report.Signature);
        Assert.StartsWith("Kết quả thực hiện chỉ thị", report.Subject, StringComparison.Ordinal);
        Assert.Equal(["- Thành phố Hà Nội,", "- Các thành viên Đoàn kiểm tra,", "- Lưu Đoàn kiểm tra."], report.Recipients);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_english_report_says_the_same_in_english_numbers(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        var report = await BuildAsync(database, english: true);

        var html = HtmlReportWriter.Render(report);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html);
        Assert.Contains("participation reached 99.2% (1,240 of 1,250 invited)", html);
        Assert.Contains("The report&#39;s arithmetic is wrong: 18/22 = 81.8%, not 81.1%.", html);
        Assert.Contains("<p><strong>COMMUNIST PARTY OF VIET NAM</strong></p>", html);
        Assert.Contains("<p><strong>ON BEHALF OF INSPECTION DELEGATION</strong></p><p><strong>HEAD OF THE DELEGATION</strong></p>", html);
        Assert.Contains("<tr class=\"emphasis\"><td>BC-277-2024-30</td>", html);
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_pdf_and_the_workbook_open_with_their_pages_fonts_and_sheets(DatabaseProvider provider)
    {
        var (database, _) = await demo.GetAsync(provider);
        var report = await BuildAsync(database, english: false);
        using var pdf = new MemoryStream();
        using var workbook = new MemoryStream();

        ReportWriter.Write(report, ReportFormat.Pdf, pdf);
        ReportWriter.Write(report, ReportFormat.Xlsx, workbook);

        pdf.Position = 0;
        using (var opened = PdfReader.Open(pdf, PdfDocumentOpenMode.Import))
        {
            Assert.True(opened.PageCount > 10, $"{opened.PageCount} pages");
            Assert.Equal(595, (int)opened.Pages[0].Width.Point);
        }

        var raw = Encoding.Latin1.GetString(pdf.ToArray());
        Assert.Contains("+Liberation", raw);
        Assert.Contains("/FontFile2", raw);
        workbook.Position = 0;
        var sheets = workbook.GetSheetNames();
        Assert.Equal("Báo cáo", sheets[0]);
        Assert.Contains("Đối chiếu", sheets);
        var claims = workbook.Query(useHeaderRow: true, sheetName: "Đối chiếu").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(33, claims.Count);
        var flagged = Assert.Single(claims, c => (string)c["Kết quả"] == "không khớp");
        Assert.Equal(("BC-277-2024-30", "81,1%", "81,8%"), ((string)flagged["Số hiệu"], (string)flagged["Báo cáo ghi"], (string)flagged["Hồ sơ cho"]));
    }

    [Fact]
    public void A_template_sentence_naming_no_indicator_is_refused_with_where_it_is()
    {
        const string Template =
            """
            { "kind": { "vi": "BÁO CÁO", "en": "REPORT" }, "subject": { "vi": "a", "en": "a" }, "inspectionSubject": { "vi": "a", "en": "a" },
              "issuer": { "vi": "a", "en": "a" }, "symbol": { "kind": "BC", "issuer": "A" }, "signer": { "vi": "a", "en": "a" },
              "recipients": [ { "vi": "a", "en": "" } ], "basis": { "vi": "a", "en": "a" }, "team": { "vi": "a", "en": "a" }, "introduction": { "vi": "a", "en": "a" },
              "parts": [ { "heading": { "vi": "Kết quả", "en": "Results" }, "sections": [
                { "key": "citizens", "kind": "indicators", "area": "citizens", "heading": { "vi": "Dân", "en": "Citizens" },
                  "sentences": [ { "vi": "Có {CIT.NOPE} vụ", "en": "{CIT.CASES.n} cases" } ] },
                { "key": "citizens", "kind": "narrative" } ] } ] }
            """;

        var (template, errors) = ReportTemplate.Parse("mine.json", Template, Oversight.Indicators.IndicatorCatalog.Shipped);

        Assert.Null(template);
        Assert.Equal(
            [
                "mine.json: recipients[0]: both vi and en must be given",
                "mine.json: parts[0]: sections[0]: sentences[0]: {CIT.NOPE} names no indicator",
                "mine.json: parts[0]: sections[1]: key: 'citizens' is the key of an earlier section",
            ],
            errors);
    }

    private static async Task<ReportDocument> BuildAsync(TestDatabase database, bool english)
    {
        await using var scope = database.SystemScope();
        return (await scope.ServiceProvider.GetRequiredService<InspectionReport>().BuildAsync("277", new(2023, 8, 1), new(2024, 7, 19), english, cancellationToken: Cancel))!;
    }
}
