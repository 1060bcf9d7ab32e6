using Oversight.People;

namespace Oversight.Demo;

/// <summary>
/// Synthetic Vietnamese personal names (family name, middle name, given name), weighted roughly as in the Red
/// River Delta: Nguyễn for about a third of people, Hoàng and Vũ rather than the southern Huỳnh and Võ, Kiều,
/// Khuất and Phùng as around Hà Nội's western districts; "Văn" and "Thị" more common among older people.
/// </summary>
/// <remarks>Every name is drawn from the given <see cref="Random"/>, so a seeded one gives the same names every time.</remarks>
internal sealed class DemoNames(Random random)
{
    private static readonly Weighted<string> FamilyNames = new(
    [
        ("Nguyễn", 320), ("Trần", 90), ("Lê", 80), ("Phạm", 65), ("Hoàng", 45), ("Vũ", 40), ("Đỗ", 35), ("Bùi", 35),
        ("Đặng", 30), ("Ngô", 22), ("Phan", 20), ("Dương", 18), ("Đinh", 18), ("Trịnh", 15), ("Đào", 15), ("Kiều", 10),
        ("Phùng", 10), ("Lương", 10), ("Mai", 10), ("Hà", 10), ("Nghiêm", 8), ("Khuất", 8), ("Tạ", 8), ("Chu", 8),
        ("Hồ", 8), ("Lưu", 8), ("Cao", 8), ("Lý", 5), ("Đàm", 5), ("Tô", 5), ("Võ", 3), ("Huỳnh", 2),
    ]);

    private static readonly Weighted<string> OlderMaleMiddleNames = new(
    [
        ("Văn", 60), ("Đức", 8), ("Đình", 7), ("Xuân", 6), ("Hữu", 6), ("Công", 5), ("Quang", 4), ("Minh", 4),
        ("Ngọc", 3), ("Bá", 3), ("Thanh", 3), ("Tiến", 2), ("Khắc", 2), ("Mạnh", 2),
    ]);

    private static readonly Weighted<string> YoungerMaleMiddleNames = new(
    [
        ("Văn", 25), ("Đức", 12), ("Minh", 10), ("Quang", 8), ("Hữu", 5), ("Xuân", 5), ("Đình", 5), ("Công", 5),
        ("Tiến", 5), ("Mạnh", 4), ("Duy", 5), ("Trung", 4), ("Thanh", 4), ("Ngọc", 3), ("Hoàng", 3), ("Anh", 3),
    ]);

    private static readonly Weighted<string> OlderFemaleMiddleNames = new(
    [
        ("Thị", 80), ("Thu", 4), ("Ngọc", 3), ("Thanh", 3), ("Kim", 3), ("Minh", 2), ("Hồng", 2), ("Bích", 2),
    ]);

    private static readonly Weighted<string> YoungerFemaleMiddleNames = new(
    [
        ("Thị", 45), ("Thu", 8), ("Ngọc", 7), ("Thanh", 6), ("Minh", 5), ("Hồng", 4), ("Phương", 4), ("Kim", 3),
        ("Bích", 3), ("Hải", 3), ("Thùy", 4), ("Diệu", 2), ("Khánh", 2), ("Quỳnh", 2), ("Mai", 2),
    ]);

    /// <summary>Second middle names after "Thị" ("Nguyễn Thị Thu Hằng").</summary>
    private static readonly Weighted<string> FemaleSecondMiddleNames = new(
    [
        ("Thu", 5), ("Minh", 3), ("Ngọc", 3), ("Thanh", 3), ("Hồng", 2), ("Kim", 2), ("Bích", 2), ("Phương", 2),
    ]);

    private static readonly Weighted<string> MaleGivenNames = new(
    [
        ("Hùng", 8), ("Dũng", 8), ("Tuấn", 8), ("Hải", 7), ("Nam", 6), ("Thắng", 6), ("Cường", 6), ("Long", 5),
        ("Sơn", 6), ("Hưng", 5), ("Minh", 5), ("Quân", 4), ("Trung", 4), ("Đức", 4), ("Thành", 5), ("Bình", 5),
        ("Hiếu", 4), ("Phong", 3), ("Tùng", 4), ("Khánh", 3), ("Việt", 3), ("Hoàng", 3), ("Tiến", 4), ("Toàn", 4),
        ("Thịnh", 3), ("Huy", 4), ("Lâm", 3), ("Quang", 3), ("Vinh", 4), ("Kiên", 3), ("Chiến", 3), ("Hậu", 2),
        ("Tú", 2), ("Đạt", 3), ("Hòa", 3), ("Thanh", 3), ("Tân", 3), ("Lợi", 2), ("Nghĩa", 3), ("Thuận", 2),
        ("Phúc", 2), ("Tài", 2), ("Hiệp", 2), ("Định", 2), ("Bảo", 2), ("Thái", 2), ("Lộc", 2), ("Quyết", 2),
    ]);

    private static readonly Weighted<string> FemaleGivenNames = new(
    [
        ("Lan", 6), ("Hương", 7), ("Hoa", 5), ("Hằng", 6), ("Hà", 6), ("Mai", 5), ("Nga", 5), ("Ngọc", 3),
        ("Thủy", 6), ("Thảo", 5), ("Trang", 5), ("Linh", 5), ("Huyền", 5), ("Phương", 5), ("Yến", 4), ("Hạnh", 4),
        ("Hiền", 4), ("Nhung", 4), ("Loan", 3), ("Dung", 4), ("Oanh", 3), ("Liên", 3), ("Vân", 4), ("Thu", 3),
        ("Hồng", 3), ("Anh", 3), ("Nhàn", 2), ("Tâm", 2), ("Xuân", 2), ("Quỳnh", 2), ("Giang", 3), ("Thơ", 2),
        ("Chi", 2), ("Ly", 2), ("Thúy", 3), ("Tuyết", 2), ("Nguyệt", 2), ("Lệ", 2), ("Duyên", 2),
    ]);

    /// <summary>A full name for a person of the given gender born in the given year.</summary>
    public string Next(Gender gender, int birthYear)
    {
        var family = FamilyNames.Pick(random);
        var older = birthYear < 1975;
        if (gender == Gender.Female)
        {
            var middle = (older ? OlderFemaleMiddleNames : YoungerFemaleMiddleNames).Pick(random);
            if (middle == "Thị" && random.Next(100) < (older ? 5 : 15))
            {
                middle += " " + FemaleSecondMiddleNames.Pick(random);
            }

            return Compose(family, middle, FemaleGivenNames);
        }

        return Compose(family, (older ? OlderMaleMiddleNames : YoungerMaleMiddleNames).Pick(random), MaleGivenNames);
    }

    private string Compose(string family, string middle, Weighted<string> givenNames)
    {
        string given;
        do
        {
            given = givenNames.Pick(random);
        }
        while (middle.EndsWith(given, StringComparison.Ordinal));

        return $"{family} {middle} {given}";
    }
}

/// <summary>A choice among values with integer weights.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] values;
    private readonly int[] cumulative;

    public Weighted(IReadOnlyList<(T Value, int Weight)> choices)
    {
        values = choices.Select(c => c.Value).ToArray();
        cumulative = new int[choices.Count];
        var total = 0;
        for (var i = 0; i < choices.Count; i++)
        {
            total += choices[i].Weight;
            cumulative[i] = total;
        }
    }

    public T Pick(Random random)
    {
        var index = Array.BinarySearch(cumulative, random.Next(cumulative[^1]) + 1);
        return values[index >= 0 ? index : ~index];
    }
}
