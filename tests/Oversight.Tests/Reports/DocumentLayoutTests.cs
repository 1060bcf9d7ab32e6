using Oversight.Reports;

namespace Oversight.Tests.Reports;

public sealed class DocumentLayoutTests
{
    [Fact]
    public void The_shipped_layouts_are_the_partys_and_the_states_with_every_value_cited_and_not_yet_verified()
    {
        var party = DocumentLayout.Shipped[DocumentLayoutKind.Party];
        var state = DocumentLayout.Shipped[DocumentLayoutKind.State];

        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", Assert.Single(party.Title).Vi);
        Assert.Equal("Số {number}-{kind}/{issuer}", party.Number.Vi);
        Assert.Equal("T/M", party.SignedFor.Vi);
        Assert.Equal("*", party.IssuerMark);
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], state.Title.Select(t => t.Vi));
        Assert.Equal("TM.", state.SignedFor.Vi);
        Assert.Equal(new DocumentMargins(20, 20, 30, 15), party.Margins);
        Assert.Contains("36-HD/VPTW", party.Source.Citation, StringComparison.Ordinal);
        Assert.Contains("30/2020/NĐ-CP", state.Source.Citation, StringComparison.Ordinal);
        Assert.False(party.Source.Verified);
        Assert.False(state.Source.Verified);
    }

    [Fact]
    public void A_broken_file_is_refused_with_each_problem_named_by_format_and_field()
    {
        const string File =
            """
            { "layouts": [
                { "kind": "party", "source": { "citation": "x", "verified": false },
                  "margins": { "top": 20, "bottom": 20, "left": 90, "right": 15, "citation": "x" },
                  "font": { "value": "Times New Roman", "citation": "x" },
                  "title": { "lines": [ { "vi": "ĐẢNG CỘNG SẢN VIỆT NAM", "en": "COMMUNIST PARTY OF VIET NAM" } ], "size": 15, "citation": "x" },
                  "issuer": { "size": 14, "mark": "*", "citation": "x" },
                  "number": { "vi": "Số {number}-{kind}", "en": "No. {number}-{kind}/{issuer}", "size": 14, "citation": "x" },
                  "placeAndDate": { "vi": "{place}, ngày {day} tháng {month} năm {year}", "en": "{place}, {date}", "size": 14, "citation": "x" },
                  "documentType": { "size": 16, "citation": "x" },
                  "subject": { "size": 14, "citation": "" },
                  "body": { "size": 40, "indentMm": 10, "citation": "x" },
                  "signature": { "signedFor": { "vi": "T/M", "en": "ON BEHALF OF" }, "size": 14, "citation": "x" },
                  "recipients": { "heading": { "vi": "Nơi nhận:", "en": "Recipients:" }, "headingSize": 14, "size": 12, "citation": "x" } },
                { "kind": "church" } ] }
            """;

        var (layouts, errors) = DocumentLayout.Parse("mine.json", File);

        Assert.Null(layouts);
        Assert.Equal(
            [
                "mine.json: layouts[0] (party): margins: top, bottom, left and right must each be between 5 and 50 mm",
                "mine.json: layouts[0] (party): number: vi: {issuer} is missing",
                "mine.json: layouts[0] (party): subject: citation: must be given",
                "mine.json: layouts[0] (party): body: size: 40 is not between 8 and 30 points",
                "mine.json: layouts[1]: kind: 'church' is not one of party, state",
                "mine.json: layouts: none is of kind party",
                "mine.json: layouts: none is of kind state",
            ],
            errors);
    }
}
